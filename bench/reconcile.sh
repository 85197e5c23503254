#!/usr/bin/env bash
# Reconciliation at scale: pause-service knows N mentors (default 100,000; every 10th PAUSED), the sandbox portal
# shows them with 1 % drift and enforces Dataverse's default service protection limits. Two runs: the first with
# website-sync-service knowing nothing yet (it learns every mentor from the roster), the second after 1 % drift is
# seeded again. For each: wall time, portal requests (the sandbox's own log), counts, the service's RSS.
# Self-contained: Kafka, sandbox, pause-service and website-sync-service on loopback ports 19092/18090/18081/18082,
# databases pause_reconcile_bench and website_sync_reconcile_bench (dropped and made afresh).
# Usage: bench/reconcile.sh [mentors]
. "$(dirname "$0")/lib/bench-lib.sh"
N=${1:-100000}
CHAPTER=bench-rec
require_free "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$SANDBOX_PORT" "$SYNC_PORT" "$PAUSE_PORT"
build
if [ ! -f "$ROOT/pause-service/target/quarkus-app/quarkus-run.jar" ]; then
  (cd "$ROOT" && ./mvnw -B -q install -DskipTests -pl shared-events,pause-service) >"$WORK/logs/build-pause.log" 2>&1
fi
start_kafka
start_sandbox
PAUSE_DB=pause_reconcile_bench
SYNC_DB=website_sync_reconcile_bench
fresh_db "$PAUSE_DB"
fresh_db "$SYNC_DB"
# the local run's key pair and token command, with their own data folder
export HLF_LOCAL_DATA="$WORK/local"
OPS=$(TOKEN_TTL=7200 "$ROOT/deploy/local/token.sh" ops)
KEYS="$HLF_LOCAL_DATA/keys"

env "${SERVICE_ENV[@]}" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" DB_HOST="$PG_HOST" DB_PORT="$PG_PORT" \
  DB_USER="$PG_USER" DB_NAME="$PAUSE_DB" PAUSE_HTTP_PORT="$PAUSE_PORT" JWT_PUBLIC_KEY_LOCATION="file:$KEYS/public.pem" \
  java "${SERVICE_JAVA_OPTS[@]}" -jar "$ROOT/pause-service/target/quarkus-app/quarkus-run.jar" \
  >"$WORK/logs/pause-reconcile.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$PAUSE_PORT/q/health/ready" pause-service

say "generating $N mentors (every 10th PAUSED), the portal with 1 % drift"
java -cp "$KAFKA_CP" "$ROOT/bench/lib/BenchEvents.java" roster rec "$N" "$CHAPTER" 100 "$WORK/rec-contacts.json" \
  "$WORK/rec-roster.csv"
# straight into pause-service's table: this measures reconciliation, not 100,000 registrations
psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PAUSE_DB" -c "\\copy peer_mentor (id, chapter_id, status, certification_valid_until, version, created_at, updated_at) FROM '$WORK/rec-roster.csv' WITH (FORMAT csv)" \
  -c "ANALYZE peer_mentor"
curl -fsS -o /dev/null -X POST "http://127.0.0.1:$SANDBOX_PORT/sandbox/contacts" -H 'Content-Type: application/json' \
  --data-binary @"$WORK/rec-contacts.json"

start_sync "$SYNC_DB" PAUSE_SERVICE_URL="http://127.0.0.1:$PAUSE_PORT" ROSTER_AUTH=signed \
  JWT_PRIVATE_KEY_LOCATION="file:$KEYS/private.pem" JWT_PUBLIC_KEY_LOCATION="file:$KEYS/public.pem" RECONCILE_EVERY=off
wait_http "http://127.0.0.1:$SYNC_PORT/q/health/ready" website-sync-service

reconcile() { # label
  curl -fsS -o /dev/null -X DELETE "http://127.0.0.1:$SANDBOX_PORT/sandbox/requests"
  local t0 location run state=RUNNING rss=0 peak=0
  t0=$(now_ms)
  location=$(curl -fsS -D - -o /dev/null -X POST "http://127.0.0.1:$SYNC_PORT/api/v1/website-sync/reconcile?chapterId=$CHAPTER" \
    -H "Authorization: Bearer $OPS" | tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
  while [ "$state" = RUNNING ]; do
    sleep 0.5
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$SYNC_PID/status")
    [ "$rss" -gt "$peak" ] && peak=$rss
    run=$(curl -fsS "$location" -H "Authorization: Bearer $OPS")
    state=$(printf '%s' "$run" | sed -E 's/.*"state":"([A-Z]+)".*/\1/')
  done
  local t1 requests throttled
  t1=$(now_ms)
  requests=$(curl -fsS "http://127.0.0.1:$SANDBOX_PORT/sandbox/requests?clientId=website-sync" \
    | grep -o '"path":"/api/data/v9.2/[^"(]*"' | grep -vc 'contacts(' || true)
  throttled=$(curl -fsS "http://127.0.0.1:$SANDBOX_PORT/sandbox/requests?clientId=website-sync" \
    | { grep -o '"status":429' || true; } | wc -l)
  printf '%-28s %s in %6d ms; portal requests %d (429: %d); peak RSS %d MB\n  %s\n' "$1" "$state" $(( t1 - t0 )) \
    "$requests" "$throttled" $(( peak / 1024 )) "$run"
}

reconcile "first run (state empty)"
say "seeding 1 % drift again"
java -cp "$KAFKA_CP" "$ROOT/bench/lib/BenchEvents.java" roster rec "$N" "$CHAPTER" 100 "$WORK/rec-contacts.json" \
  "$WORK/rec-roster.csv"
curl -fsS -o /dev/null -X POST "http://127.0.0.1:$SANDBOX_PORT/sandbox/contacts" -H 'Content-Type: application/json' \
  --data-binary @"$WORK/rec-contacts.json"
reconcile "second run (state known)"
