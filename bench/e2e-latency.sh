#!/usr/bin/env bash
# End-to-end latency at a steady rate: from pause-service's HTTP answer to a pause until the Dynamics sandbox
# receives the PATCH that hides the mentor (pause-service -> outbox relay -> Kafka -> website-sync-service -> portal).
# Runs the whole system on its own ports, databases and data folder, and stops it afterwards.
#   bench/e2e-latency.sh            (env: RATE=20 per second, MENTORS=600, i.e. 30 s of load)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RATE="${RATE:-20}"
MENTORS="${MENTORS:-600}"
WARMUP="${WARMUP:-200}"  # pauses sent first at the same rate and not measured: JIT, connections, consumer fetch
export HLF_LOCAL_DATA=/tmp/hlf-bench-e2e PAUSE_DB=pause_e2e SYNC_DB=website_sync_e2e
export PAUSE_PORT=28081 SYNC_PORT=28082 SANDBOX_PORT=28090 KAFKA_PORT=29092 KAFKA_CONTROLLER_PORT=29093
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"; "$ROOT/deploy/local/down.sh" --reset >/dev/null 2>&1' EXIT
SB="http://127.0.0.1:$SANDBOX_PORT"

"$ROOT/deploy/local/up.sh" 2>&1 | grep -E ' UP|FAILED' || true
curl -fsS -o /dev/null "http://127.0.0.1:$SYNC_PORT/q/health" || { echo "the system did not start" >&2; exit 1; }

chapter="e2e-$(date +%s)"
for _ in $(seq 1 "$((MENTORS + WARMUP))"); do cat /proc/sys/kernel/random/uuid; done >"$WORK/all"
head -n "$WARMUP" "$WORK/all" >"$WORK/warmup"
tail -n "$MENTORS" "$WORK/all" >"$WORK/ids"
awk -v c="$chapter" 'BEGIN{printf "["} {printf "%s{\"mentorId\":\"%s\",\"chapterId\":\"%s\",\"name\":\"Mentor %d\",\"visible\":true}", (NR>1?",":""), $1, c, NR} END{printf "]"}' \
  "$WORK/all" >"$WORK/contacts.json"
curl -fsS -o /dev/null -X POST "$SB/sandbox/contacts" -H 'Content-Type: application/json' --data-binary @"$WORK/contacts.json"
awk -v c="$chapter" -v d="$(date -d '+1 year' +%F)" 'BEGIN{printf "["} {printf "%s{\"mentorId\":\"%s\",\"chapterId\":\"%s\",\"certificationValidUntil\":\"%s\"}", (NR>1?",":""), $1, c, d} END{printf "]"}' \
  "$WORK/all" >"$WORK/import.json"
curl -fsS -o /dev/null -X POST "http://127.0.0.1:$PAUSE_PORT/api/v1/mentors/import" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $("$ROOT/deploy/local/token.sh" system)" --data-binary @"$WORK/import.json"
# the registrations (ACTIVE: visible) reach the portal first; then measure on a clean request log
for _ in $(seq 1 120); do
  n=$(curl -fsS "$SB/sandbox/requests" | grep -o "\"visibility\":true" | wc -l)
  [ "$n" -ge "$((MENTORS + WARMUP))" ] && break; sleep 0.5
done
TOKEN_TTL=3600 "$ROOT/deploy/local/token.sh" admin >"$WORK/token"
echo "== warm-up: $WARMUP pauses at $RATE/s (not measured)"
java "$ROOT/bench/PacedTransitions.java" "http://127.0.0.1:$PAUSE_PORT" "$WORK/token" "$WORK/warmup" "$RATE" >/dev/null
for _ in $(seq 1 60); do
  n=$(curl -fsS "$SB/sandbox/requests" | grep -o "\"visibility\":false" | wc -l)
  [ "$n" -ge "$WARMUP" ] && break; sleep 0.5
done
curl -fsS -o /dev/null -X DELETE "$SB/sandbox/requests"

echo "== $MENTORS pauses at $RATE/s"
java "$ROOT/bench/PacedTransitions.java" "http://127.0.0.1:$PAUSE_PORT" "$WORK/token" "$WORK/ids" "$RATE" >"$WORK/answers"
for _ in $(seq 1 120); do
  n=$(curl -fsS "$SB/sandbox/requests" | grep -o "\"visibility\":false" | wc -l)
  [ "$n" -ge "$MENTORS" ] && break; sleep 0.5
done
curl -fsS "$SB/sandbox/requests" >"$WORK/requests.json"

python3 - "$WORK/answers" "$WORK/requests.json" <<'PY'
import json, sys, datetime
answers = {}
errors = 0
for line in open(sys.argv[1]):
    mentor, at, status = line.strip().split(",")
    if status != "200":
        errors += 1
    answers[mentor] = int(at)
hidden = {}
for r in json.load(open(sys.argv[2])):
    if r.get("method") == "PATCH" and r.get("visibility") is False and r.get("status") == 204 and r["mentorId"] in answers:
        t = datetime.datetime.fromisoformat(r["time"].replace("Z", "+00:00")[:26] + "+00:00")
        hidden.setdefault(r["mentorId"], int(t.timestamp() * 1000))
lat = sorted(hidden[m] - answers[m] for m in hidden)
def pct(p): return lat[min(len(lat) - 1, max(0, int(-(-p * len(lat) // 1)) - 1))]
print(f"answers={len(answers)} errors={errors} hidden_in_portal={len(hidden)}")
print(f"answer -> portal PATCH: p50 {pct(0.50)} ms, p99 {pct(0.99)} ms, max {lat[-1]} ms (target p99 <= 200 ms)")
PY
