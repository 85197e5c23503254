#!/usr/bin/env bash
# Benchmark of the expiry sweep: N mentors whose certification lapsed yesterday are expired by one sweep, each
# through the normal transition path. Side by side: pgbench running the same number of transition transactions
# at the sweep's concurrency. Prints both times, the ratio, and when the relay had published every event.
#   bench/expiry-sweep.sh          (env: MENTORS=10000 CONC=8, the sweep's default concurrency)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MENTORS="${MENTORS:-10000}"
CONC="${CONC:-8}"
# its own broker, database and ports, so the local run (deploy/local/up.sh) is neither disturbed nor polluted
export HLF_LOCAL_DATA="${HLF_LOCAL_DATA:-/tmp/hlf-bench-pause}" PAUSE_DB="${PAUSE_DB:-pause_benchrun}"
export SYNC_DB="${SYNC_DB:-website_sync_benchrun}" PAUSE_PORT="${PAUSE_PORT:-18181}"
export KAFKA_PORT="${KAFKA_PORT:-19192}" KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19193}"
PG="psql -X -q -h ${PG_HOST:-127.0.0.1} -p ${PG_PORT:-5432} -U ${PG_USER:-postgres}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"; "$ROOT/deploy/local/down.sh" --reset >/dev/null 2>&1' EXIT
now_ms() { date +%s%3N; }

HLF_PARTS="pause-service" "$ROOT/deploy/local/up.sh" 2>&1 | grep -E 'UP|FAILED|starting' || true
SYSTEM="$(TOKEN_TTL=7200 "$ROOT/deploy/local/token.sh" system)"

# anything due from earlier runs first, so the measured sweep has exactly this run's mentors
curl -fsS -X POST "http://127.0.0.1:$PAUSE_PORT/api/v1/admin/expiry-sweep" -H "Authorization: Bearer $SYSTEM" >/dev/null

chapter="sweep-$(date +%s)"
for _ in $(seq 1 "$MENTORS"); do cat /proc/sys/kernel/random/uuid; done >"$WORK/ids"
awk -v c="$chapter" -v d="$(date -d '+1 year' +%F)" 'BEGIN{printf "["} {printf "%s{\"mentorId\":\"%s\",\"chapterId\":\"%s\",\"certificationValidUntil\":\"%s\"}", (NR>1?",":""), $1, c, d} END{printf "]"}' \
  "$WORK/ids" >"$WORK/import.json"
curl -fsS -X POST "http://127.0.0.1:$PAUSE_PORT/api/v1/mentors/import" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $SYSTEM" --data-binary @"$WORK/import.json" >/dev/null
for _ in $(seq 1 100); do [ "$($PG -d "$PAUSE_DB" -Atc "SELECT count(*) FROM outbox WHERE published_at IS NULL")" = 0 ] && break; sleep 0.2; done
# a year passes for these mentors only
$PG -d "$PAUSE_DB" -c "UPDATE peer_mentor SET certification_valid_until = current_date - 1 WHERE chapter_id = '$chapter'"

echo "== sweep: $MENTORS due mentors"
t0=$(now_ms)
result=$(curl -fsS -X POST "http://127.0.0.1:$PAUSE_PORT/api/v1/admin/expiry-sweep" -H "Authorization: Bearer $SYSTEM")
t1=$(now_ms)
for _ in $(seq 1 600); do [ "$($PG -d "$PAUSE_DB" -Atc "SELECT count(*) FROM outbox WHERE published_at IS NULL")" = 0 ] && break; sleep 0.1; done
t2=$(now_ms)
echo "answer: $result"
expired=$($PG -d "$PAUSE_DB" -Atc "SELECT count(*) FROM peer_mentor WHERE chapter_id = '$chapter' AND status = 'EXPIRED_CERT'")
echo "expired in the database: $expired of $MENTORS"

echo "== pgbench: $MENTORS transition transactions at concurrency $CONC, database pause_bench"
$PG -d postgres -c "DROP DATABASE IF EXISTS pause_bench" -c "CREATE DATABASE pause_bench" 2>/dev/null
$PG -d pause_bench -f "$ROOT/pause-service/src/main/resources/db/migration/V1__pause_schema.sql" >/dev/null
$PG -d pause_bench -c "INSERT INTO peer_mentor SELECT md5(n::text)::uuid, 'bench', 'ACTIVE', current_date + 365, 1, now(), now() FROM generate_series(1, $MENTORS) n"
p0=$(now_ms)
pgbench -n -h "${PG_HOST:-127.0.0.1}" -p "${PG_PORT:-5432}" -U "${PG_USER:-postgres}" -c "$CONC" -j 2 \
  -t "$((MENTORS / CONC))" -D mentors="$MENTORS" -f "$ROOT/bench/transition-tx.pgbench" pause_bench >"$WORK/pgbench" 2>&1
p1=$(now_ms)
$PG -d postgres -c "DROP DATABASE pause_bench"

awk -v s=$((t1 - t0)) -v r=$((t2 - t0)) -v p=$((p1 - p0)) -v n="$MENTORS" 'BEGIN{
  printf "== summary\nsweep %.1f s (%.0f mentors/s), all events published after %.1f s; pgbench %.1f s; ratio pgbench/sweep %.2f (target: sweep < 30 s)\n",
    s/1000, n/(s/1000), r/1000, p/1000, p/s }'
