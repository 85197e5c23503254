#!/usr/bin/env bash
# The system in containers on one machine (compose.yaml next to this file).
#   deploy/compose/compose.sh up       build the jars if missing, make the JWT key pair, build the images, start
#                                      everything, wait for health, seed the demo roster, start a reconciliation
#   deploy/compose/compose.sh down     stop (data kept in the volumes); add --volumes to remove them
# Then use the local tools as for deploy/local: deploy/local/token.sh, deploy/local/ops.sh.
# Env: CONTAINER_ENGINE (docker; podman works too), HLF_LOCAL_DATA (where the key pair is: .local/ by default),
#      PAUSE_PORT SYNC_PORT SANDBOX_PORT PG_PORT (host ports, loopback only), DATAVERSE_CLIENT_SECRET (sandbox client).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DATA="${HLF_LOCAL_DATA:-$ROOT/.local}"
ENGINE="${CONTAINER_ENGINE:-docker}"
compose() { "$ENGINE" compose -f "$HERE/compose.yaml" "$@"; }
say() { printf '%s\n' "$*" >&2; }

seed() {
  local sandbox="http://127.0.0.1:${SANDBOX_PORT:-8090}" pause="http://127.0.0.1:${PAUSE_PORT:-8081}"
  local roster="$ROOT/deploy/local/demo-roster.csv" contacts mentors
  curl -fsS -o /dev/null -X POST "$sandbox/sandbox/clients" -H 'Content-Type: application/json' \
    -d "{\"clientId\":\"website-sync\",\"clientSecret\":\"${DATAVERSE_CLIENT_SECRET:-local-dev-secret}\"}"
  # contacts arrive hidden; the reconciliation below shows those pause-service knows as ACTIVE
  contacts=$(tail -n +2 "$roster" | awk -F, 'NF==4 {printf "%s{\"mentorId\":\"%s\",\"chapterId\":\"%s\",\"name\":\"%s\",\"visible\":false}", (n++?",":""), $1, $2, $4}')
  curl -fsS -o /dev/null -X POST "$sandbox/sandbox/contacts" -H 'Content-Type: application/json' -d "[$contacts]"
  mentors=$(tail -n +2 "$roster" | awk -F, 'NF==4 {printf "%s{\"mentorId\":\"%s\",\"chapterId\":\"%s\",\"certificationValidUntil\":\"%s\"}", (n++?",":""), $1, $2, $3}')
  curl -fsS -o /dev/null -X POST "$pause/api/v1/mentors/import" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $("$ROOT/deploy/local/token.sh" system)" -d "[$mentors]"
  "$ROOT/deploy/local/ops.sh" reconcile >/dev/null
  say "seeded the demo roster; a reconciliation shows the ACTIVE mentors"
}

case "${1:-}" in
  up)
    for m in pause-service website-sync-service dataverse-sandbox; do
      if [ ! -f "$ROOT/$m/target/quarkus-app/quarkus-run.jar" ]; then
        (cd "$ROOT" && ./mvnw -B -q package -DskipTests); break
      fi
    done
    # the local run's key pair; the containers run as user 185, which must read the (demo) private key
    "$ROOT/deploy/local/token.sh" ops >/dev/null
    chmod a+r "$DATA/keys/private.pem"
    HLF_LOCAL_DATA="$DATA" compose up -d --build --wait
    seed
    compose ps ;;
  down)
    shift
    compose down "$@" ;;
  *) say "usage: $0 up | down [--volumes]"; exit 2 ;;
esac
