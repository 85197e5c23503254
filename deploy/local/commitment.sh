#!/usr/bin/env bash
# Plays the assignment, session and reimbursement features on the local run: publishes a CommitmentOpened or a
# CommitmentClosed on mentor-commitments (key: the mentor id), as those features will.
#   deploy/local/commitment.sh open <mentorId> <ASSIGNMENT|SESSION|REIMBURSEMENT> [summary] [startsAt]
#       prints the new commitment's id; startsAt is an ISO-8601 instant (a session's start), e.g. 2026-12-03T17:00:00Z
#   deploy/local/commitment.sh close <mentorId> <commitmentId>
# Env: KAFKA_PORT (9092), HLF_LOCAL_DATA. Needs the local broker of deploy/local/up.sh (and its Kafka class path).
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
. "$(dirname "$0")/lib.sh"

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
uuid() { cat /proc/sys/kernel/random/uuid; }
json_string() { python3 -c 'import json, sys; print(json.dumps(sys.argv[1]))' "$1"; }

action="${1:-}"; mentor="${2:-}"
[[ "$mentor" =~ ^[0-9a-fA-F-]{36}$ ]] || usage
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
case "$action" in
  open)
    kind="${3:-}"
    case "$kind" in ASSIGNMENT|SESSION|REIMBURSEMENT) ;; *) usage ;; esac
    commitment=$(uuid)
    starts=null
    [ -n "${5:-}" ] && starts=$(json_string "$5")
    event=$(printf '{"type":"CommitmentOpened","eventId":"%s","commitmentId":"%s","mentorId":"%s","kind":"%s","startsAt":%s,"summary":%s,"occurredAt":"%s"}' \
      "$(uuid)" "$commitment" "$mentor" "$kind" "$starts" "$(json_string "${4:-$kind}")" "$now") ;;
  close)
    commitment="${3:-}"
    [[ "$commitment" =~ ^[0-9a-fA-F-]{36}$ ]] || usage
    event=$(printf '{"type":"CommitmentClosed","eventId":"%s","commitmentId":"%s","mentorId":"%s","occurredAt":"%s"}' \
      "$(uuid)" "$commitment" "$mentor" "$now") ;;
  *) usage ;;
esac

classpath="$DATA/kafka/classpath.txt"
[ -s "$classpath" ] || { say "no Kafka class path at $classpath: start the local run first (deploy/local/up.sh)"; exit 1; }
err=$(mktemp)
trap 'rm -f "$err"' EXIT
if ! printf '%s|%s\n' "$mentor" "$event" | java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(cat "$classpath")" \
    org.apache.kafka.tools.ConsoleProducer --bootstrap-server "127.0.0.1:$KAFKA_PORT" --topic mentor-commitments \
    --property parse.key=true --property 'key.separator=|' --producer-property acks=all --sync \
    --producer-property max.block.ms=10000 >/dev/null 2>"$err"; then
  cat "$err" >&2
  say "could not publish to mentor-commitments on 127.0.0.1:$KAFKA_PORT"
  exit 1
fi
printf '%s\n' "$commitment"
