#!/usr/bin/env bash
# Benchmark of pause-service transitions, side by side with pgbench running the same SQL transaction at the
# same concurrency on the same PostgreSQL. Prints transitions/s, p50/p99, the ratio API/pgbench and the outbox
# backlog (oldest unpublished row) seen while the load ran.
#   bench/pause-transitions.sh   (env: CONC=8 MENTORS=10000 PASSES=6 WARMUP=20000 PGBENCH_SECONDS=30; the
#   first WARMUP calls bring the JVM to steady state and are not measured)
# Starts its own Kafka and pause-service through deploy/local/up.sh (ports 19192, 18181) and stops them after.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CONC="${CONC:-8}"
MENTORS="${MENTORS:-10000}"
PASSES="${PASSES:-6}"
WARMUP="${WARMUP:-20000}"
PGBENCH_SECONDS="${PGBENCH_SECONDS:-30}"
# its own broker, database and ports, so the local run (deploy/local/up.sh) is neither disturbed nor polluted
export HLF_LOCAL_DATA="${HLF_LOCAL_DATA:-/tmp/hlf-bench-pause}" PAUSE_DB="${PAUSE_DB:-pause_benchrun}"
export SYNC_DB="${SYNC_DB:-website_sync_benchrun}" PAUSE_PORT="${PAUSE_PORT:-18181}"
export KAFKA_PORT="${KAFKA_PORT:-19192}" KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19193}"
PG="psql -X -q -h ${PG_HOST:-127.0.0.1} -p ${PG_PORT:-5432} -U ${PG_USER:-postgres}"
WORK="$(mktemp -d)"
trap 'kill "${MONITOR:-}" 2>/dev/null || true; rm -rf "$WORK"; "$ROOT/deploy/local/down.sh" --reset >/dev/null 2>&1' EXIT

HLF_PARTS="pause-service" "$ROOT/deploy/local/up.sh" 2>&1 | grep -E 'UP|FAILED|starting' || true
curl -fsS -o /dev/null "http://127.0.0.1:$PAUSE_PORT/q/health" || { echo "pause-service is not up" >&2; exit 1; }

echo "== registering $MENTORS mentors"
chapter="bench-$(date +%s)"
for _ in $(seq 1 "$MENTORS"); do cat /proc/sys/kernel/random/uuid; done >"$WORK/ids"
until_date=$(date -d '+1 year' +%F)
awk -v c="$chapter" -v d="$until_date" 'BEGIN{printf "["} {printf "%s{\"mentorId\":\"%s\",\"chapterId\":\"%s\",\"certificationValidUntil\":\"%s\"}", (NR>1?",":""), $1, c, d} END{printf "]"}' \
  "$WORK/ids" >"$WORK/import.json"
curl -fsS -X POST "http://127.0.0.1:$PAUSE_PORT/api/v1/mentors/import" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $(TOKEN_TTL=7200 "$ROOT/deploy/local/token.sh" system)" --data-binary @"$WORK/import.json"
echo
TOKEN_TTL=7200 "$ROOT/deploy/local/token.sh" admin >"$WORK/token"

# the relay must keep up: sample the age of the oldest unpublished outbox row while the load runs
(while true; do
   $PG -d "$PAUSE_DB" -Atc "SELECT coalesce(round(extract(epoch FROM now() - min(created_at)) * 1000), 0), count(*) FROM outbox WHERE published_at IS NULL"
   sleep 0.2
 done) >"$WORK/backlog" &
MONITOR=$!

echo "== API: $((MENTORS * PASSES)) transitions (activate/lift alternately), concurrency $CONC, first $WARMUP not measured"
api=$(java "$ROOT/bench/TransitionLoad.java" "http://127.0.0.1:$PAUSE_PORT" "$WORK/token" "$WORK/ids" "$CONC" "$PASSES" "$WARMUP")
echo "$api"
for _ in $(seq 1 50); do
  [ "$($PG -d "$PAUSE_DB" -Atc "SELECT count(*) FROM outbox WHERE published_at IS NULL")" = 0 ] && break; sleep 0.2
done
kill "$MONITOR"; MONITOR=
backlog_ms=$(awk -F'|' 'BEGIN{m=0} $1>m{m=$1} END{print m}' "$WORK/backlog")
backlog_rows=$(awk -F'|' 'BEGIN{m=0} $2>m{m=$2} END{print m}' "$WORK/backlog")
echo "outbox backlog during the load: oldest unpublished row at most ${backlog_ms} ms old, at most ${backlog_rows} rows"

echo "== pgbench: the same transaction in SQL, concurrency $CONC, ${PGBENCH_SECONDS}s, database pause_bench"
$PG -d postgres -c "DROP DATABASE IF EXISTS pause_bench" -c "CREATE DATABASE pause_bench"
$PG -d pause_bench -f "$ROOT/pause-service/src/main/resources/db/migration/V1__pause_schema.sql" >/dev/null
$PG -d pause_bench -c "INSERT INTO peer_mentor SELECT md5(n::text)::uuid, 'bench', 'ACTIVE', current_date + 365, 1, now(), now() FROM generate_series(1, $MENTORS) n"
pgb=$(pgbench -n -h "${PG_HOST:-127.0.0.1}" -p "${PG_PORT:-5432}" -U "${PG_USER:-postgres}" -c "$CONC" -j 2 \
  -T "$PGBENCH_SECONDS" -D mentors="$MENTORS" -f "$ROOT/bench/transition-tx.pgbench" pause_bench 2>&1)
echo "$pgb" | grep -E 'latency average|tps|failed'
$PG -d postgres -c "DROP DATABASE pause_bench"

api_tps=$(echo "$api" | sed -E 's/.*tps=([0-9.]+).*/\1/')
api_p99=$(echo "$api" | sed -E 's/.*p99_ms=([0-9.]+).*/\1/')
pg_tps=$(echo "$pgb" | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -n 1)
echo "== summary"
awk -v a="$api_tps" -v p="$pg_tps" -v q="$api_p99" -v b="$backlog_ms" 'BEGIN{
  printf "API %.0f transitions/s, pgbench %.0f tx/s, ratio API/pgbench %.2f (target >= 0.5)\n", a, p, a/p;
  printf "API p99 %.1f ms (target <= 50), outbox backlog max %d ms (target < 1000)\n", q, b }'
