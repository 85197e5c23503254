#!/usr/bin/env bash
# Benchmark of pause-service transitions, side by side with pgbench running the same SQL transaction at the same
# concurrency on the same PostgreSQL. For each concurrency and variant it prints transitions/s, p50/p99/max,
# errors, the ratio API/pgbench, the outbox backlog (oldest unpublished row) seen while the load ran, the CPU each
# process used, the SQL statements per transition and the costliest statements (pg_stat_statements, when loaded).
#   bench/pause-transitions.sh
# Env: CONCS="8 16"       concurrencies (closed loop)
#      VARIANTS="alone system"   alone: pause-service, Kafka and PostgreSQL; system: the whole system up as well,
#                         website-sync-service consuming every event and the Dynamics sandbox (limits off) answering
#      MENTORS=5000 PASSES=8 WARMUP=20000   activate/lift alternately over MENTORS mentors, PASSES times; the first
#                         WARMUP calls bring the JVMs to steady state and are not measured (on 2 cores the JIT
#                         compiler is still busy after 6,000 calls: docs/benchmarks.md)
#      PGBENCH_SECONDS=30
#      READS=1            (alone only) then as many GETs of a mentor's status, warmed up too: the CPU of the cheapest
#                         authenticated call that reads the database, the floor a transition is judged against
#      PROFILE=1          a JFR recording of pause-service per run, summarised (hot frames and what they belong to)
#      BENCH_OUT=/tmp/hlf-bench-pause-out   where recordings and statement lists are kept
# Starts its own Kafka and services through deploy/local/up.sh (ports 19192, 18181, 18182, 18190) and stops them.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CONCS="${CONCS:-8 16}"
VARIANTS="${VARIANTS:-alone system}"
MENTORS="${MENTORS:-5000}"
PASSES="${PASSES:-8}"
WARMUP="${WARMUP:-20000}"
PGBENCH_SECONDS="${PGBENCH_SECONDS:-30}"
PROFILE="${PROFILE:-0}"
READS="${READS:-1}"
OUT="${BENCH_OUT:-/tmp/hlf-bench-pause-out}"
mkdir -p "$OUT"
# its own broker, databases and ports, so the local run (deploy/local/up.sh) is neither disturbed nor polluted
export HLF_LOCAL_DATA="${HLF_LOCAL_DATA:-/tmp/hlf-bench-pause}" PAUSE_DB="${PAUSE_DB:-pause_benchrun}"
export SYNC_DB="${SYNC_DB:-website_sync_benchrun}" PAUSE_PORT="${PAUSE_PORT:-18181}" SYNC_PORT="${SYNC_PORT:-18182}"
export SANDBOX_PORT="${SANDBOX_PORT:-18190}" KAFKA_PORT="${KAFKA_PORT:-19192}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19193}"
# the portal answers at once: the benchmark measures pause-service, not Dataverse's service protection limits
export SANDBOX_LIMITS_ENABLED=false
PG=(psql -X -q -h "${PG_HOST:-127.0.0.1}" -p "${PG_PORT:-5432}" -U "${PG_USER:-postgres}")
WORK="$(mktemp -d)"
# shellcheck disable=SC2120 # down, or down --reset at the end
down() { "$ROOT/deploy/local/down.sh" "$@" >/dev/null 2>&1 || true; }
# WITH (FORCE): the backends of the services just stopped may not have gone yet
fresh_dbs() { "${PG[@]}" -d postgres -c "DROP DATABASE IF EXISTS $PAUSE_DB WITH (FORCE)" -c "DROP DATABASE IF EXISTS $SYNC_DB WITH (FORCE)"; }
# the monitor is a pipeline in a subshell: its members must go too, or the sampling loop and its psql outlive the run
stop_monitor() {
  if [ -n "${MONITOR:-}" ]; then
    pkill -P "$MONITOR" 2>/dev/null || true
    kill "$MONITOR" 2>/dev/null || true
    wait "$MONITOR" 2>/dev/null || true
  fi
  MONITOR=
}
trap 'stop_monitor; rm -rf "$WORK"; down --reset' EXIT

# cpu_of pid, cpu_postgres
. "$ROOT/bench/lib/cpu.sh"
pid_of() { cut -d' ' -f1 "$HLF_LOCAL_DATA/pids/$1.pid" 2>/dev/null || echo; }
cpu_snapshot() { # name=seconds per part
  local part pid
  for part in pause-service kafka website-sync-service sandbox; do
    pid=$(pid_of "$part"); [ -n "$pid" ] && printf '%s=%s ' "$part" "$(cpu_of "$pid")"
  done
  printf 'postgres=%s\n' "$(cpu_postgres)"
}
# CPU of each process between two snapshots, in % of one core and per operation:
# cpu_used before after t0_ns t1_ns loadgen_cpu_s ops word
cpu_used() {
  python3 - "$@" <<'PY'
import sys
b = dict(kv.split("=") for kv in sys.argv[1].split())
a = dict(kv.split("=") for kv in sys.argv[2].split())
wall = (int(sys.argv[4]) - int(sys.argv[3])) / 1e9
used = {k: float(a[k]) - float(b[k]) for k in a if k in b}
used["load generator"] = float(sys.argv[5])
n = int(sys.argv[6])
print(", ".join(f"{k} {100 * v / wall:.0f}%" for k, v in used.items()) + f" of one core over {wall:.0f} s (2 cores = 200%)")
print(f"     per {sys.argv[7]}: " + ", ".join(f"{k} {1000 * v / n:.2f} ms" for k, v in used.items())
      + f"; total {1000 * sum(used.values()) / n:.2f} ms")
PY
}
# load from to: TransitionLoad at this run's concurrency over ops [from, to) (LOAD_MODE=status from the caller: GETs)
load() { java "$ROOT/bench/TransitionLoad.java" "http://127.0.0.1:$PAUSE_PORT" "$WORK/token" "$WORK/ids" "$conc" "$1" "$2"; }
# measure from to word: the load's result line in RESULT, the CPU each process used during it (per word) in CPU
measure() {
  local before after t0 t1
  before=$(cpu_snapshot); t0=$(date +%s%N)
  RESULT=$(load "$1" "$2")
  t1=$(date +%s%N); after=$(cpu_snapshot)
  CPU=$(cpu_used "$before" "$after" "$t0" "$t1" "$(sed -nE 's/.*cpu_s=([0-9.]+).*/\1/p' <<<"$RESULT")" "$(($2 - $1))" "$3")
}
stat_statements() { "${PG[@]}" -d "${1:-$PAUSE_DB}" -Atc "SELECT 1 FROM pg_stat_statements LIMIT 1" >/dev/null 2>&1; }
top_statements() { # db: the costliest statements since the last reset
  "${PG[@]}" -d "$1" -F ' | ' -Ac "SELECT calls, round(total_exec_time) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS statement FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT 10"
}

echo "== pgbench: the same transaction in SQL, ${PGBENCH_SECONDS}s per concurrency, database pause_bench"
declare -A PGB
for conc in $CONCS; do
  "${PG[@]}" -d postgres -c "DROP DATABASE IF EXISTS pause_bench" -c "CREATE DATABASE pause_bench"
  "${PG[@]}" -d pause_bench -f "$ROOT/pause-service/src/main/resources/db/migration/V1__pause_schema.sql" >/dev/null
  "${PG[@]}" -d pause_bench -c "INSERT INTO peer_mentor SELECT md5(n::text)::uuid, 'bench', 'ACTIVE', current_date + 365, 1, now(), now() FROM generate_series(1, $MENTORS) n" -c "VACUUM ANALYZE"
  "${PG[@]}" -d pause_bench -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null 2>&1 || true
  if stat_statements pause_bench; then "${PG[@]}" -d pause_bench -Atc "SELECT pg_stat_statements_reset()" >/dev/null; fi
  pg_before=$(cpu_postgres)
  pgb=$(pgbench -n -h "${PG_HOST:-127.0.0.1}" -p "${PG_PORT:-5432}" -U "${PG_USER:-postgres}" -c "$conc" -j 2 \
    -T "$PGBENCH_SECONDS" -D mentors="$MENTORS" -f "$ROOT/bench/transition-tx.pgbench" pause_bench 2>&1)
  pg_after=$(cpu_postgres)
  PGB[$conc]=$(echo "$pgb" | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -n 1)
  echo "concurrency $conc: $(echo "$pgb" | grep -E 'latency average' | tr -s ' ') tps ${PGB[$conc]}"
  awk -v a="$pg_before" -v b="$pg_after" -v s="$PGBENCH_SECONDS" -v t="${PGB[$conc]}" 'BEGIN {
    printf "CPU: postgres %.0f%% of one core, %.2f ms of PostgreSQL CPU per transaction\n", 100 * (b - a) / s, 1000 * (b - a) / s / t }'
  if stat_statements pause_bench; then top_statements pause_bench | tee "$OUT/pgbench-c$conc-statements.txt"; fi
done
"${PG[@]}" -d postgres -c "DROP DATABASE IF EXISTS pause_bench"

SUMMARY=()
declare -A RSS_OF
for variant in $VARIANTS; do
  for conc in $CONCS; do
    run="$variant-c$conc"
    echo "== $run: starting"
    down
    fresh_dbs
    parts="pause-service"
    [ "$variant" = system ] && parts="sandbox pause-service website-sync-service"
    if [ "$PROFILE" = 1 ]; then
      export PAUSE_JAVA_OPTS="-XX:StartFlightRecording=filename=$OUT/$run.jfr,settings=profile,dumponexit=true"
    fi
    HLF_PARTS="$parts" "$ROOT/deploy/local/up.sh" 2>&1 | grep -E ' UP|FAILED' || true
    curl -fsS -o /dev/null "http://127.0.0.1:$PAUSE_PORT/q/health" || { echo "pause-service is not up" >&2; exit 1; }

    chapter="bench-$(date +%s)"
    for _ in $(seq 1 "$MENTORS"); do cat /proc/sys/kernel/random/uuid; done >"$WORK/ids"
    if [ "$variant" = system ]; then
      # every mentor is a contact of the portal, so each event is a real PATCH
      awk -v c="$chapter" 'BEGIN{printf "["} {printf "%s{\"mentorId\":\"%s\",\"chapterId\":\"%s\",\"name\":\"Mentor %d\",\"visible\":true}", (NR>1?",":""), $1, c, NR} END{printf "]"}' \
        "$WORK/ids" >"$WORK/contacts.json"
      curl -fsS -o /dev/null -X POST "http://127.0.0.1:$SANDBOX_PORT/sandbox/contacts" -H 'Content-Type: application/json' \
        --data-binary @"$WORK/contacts.json"
    fi
    awk -v c="$chapter" -v d="$(date -d '+1 year' +%F)" 'BEGIN{printf "["} {printf "%s{\"mentorId\":\"%s\",\"chapterId\":\"%s\",\"certificationValidUntil\":\"%s\"}", (NR>1?",":""), $1, c, d} END{printf "]"}' \
      "$WORK/ids" >"$WORK/import.json"
    curl -fsS -o /dev/null -X POST "http://127.0.0.1:$PAUSE_PORT/api/v1/mentors/import" -H 'Content-Type: application/json' \
      -H "Authorization: Bearer $(TOKEN_TTL=7200 "$ROOT/deploy/local/token.sh" system)" --data-binary @"$WORK/import.json"
    "${PG[@]}" -d "$PAUSE_DB" -c "VACUUM ANALYZE" >/dev/null
    TOKEN_TTL=7200 "$ROOT/deploy/local/token.sh" admin >"$WORK/token"
    # pg_stat_statements needs shared_preload_libraries=pg_stat_statements (docs/benchmarks.md); without it, no list
    "${PG[@]}" -d "$PAUSE_DB" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null 2>&1 || true

    # the relay must keep up: sample the age of the oldest unpublished outbox row while the load runs
    # one connection for all samples: a new one every 200 ms cost PostgreSQL a backend start each time
    (while true; do
       echo "SELECT coalesce(round(extract(epoch FROM now() - min(created_at)) * 1000), 0), count(*) FROM outbox WHERE published_at IS NULL;"
       sleep 0.2
     done | "${PG[@]}" -d "$PAUSE_DB" -At) >"$WORK/backlog" &
    MONITOR=$!

    ops=$((MENTORS * PASSES))
    echo "== $run: warm-up, $WARMUP transitions (activate/lift alternately), concurrency $conc, not measured"
    echo "warm-up: $(load 0 "$WARMUP")"
    # the steady state autovacuum keeps in production (this machine's PostgreSQL runs with autovacuum off): without
    # it the services' prepared statements keep the generic plans made while pause_period and outbox were empty,
    # sequential scans that grow with every row (pgbench plans each statement anew and never meets them)
    "${PG[@]}" -d "$PAUSE_DB" -c "VACUUM ANALYZE" >/dev/null
    if stat_statements; then "${PG[@]}" -d "$PAUSE_DB" -Atc "SELECT pg_stat_statements_reset()" >/dev/null; fi
    echo "== $run: $((ops - WARMUP)) transitions measured, concurrency $conc"
    measure "$WARMUP" "$ops" transition
    api=$RESULT
    echo "$api"
    for _ in $(seq 1 50); do
      [ "$("${PG[@]}" -d "$PAUSE_DB" -Atc "SELECT count(*) FROM outbox WHERE published_at IS NULL")" = 0 ] && break; sleep 0.2
    done
    stop_monitor
    backlog_ms=$(awk -F'|' 'BEGIN{m=0} $1>m{m=$1} END{print m}' "$WORK/backlog")
    backlog_rows=$(awk -F'|' 'BEGIN{m=0} $2>m{m=$2} END{print m}' "$WORK/backlog")
    echo "outbox backlog during the load: oldest unpublished row at most ${backlog_ms} ms old, at most ${backlog_rows} rows"
    # CPU of each process over the measured load, in % of one core; the load generator reports its own
    echo "CPU: $CPU"
    if stat_statements; then
      "${PG[@]}" -d "$PAUSE_DB" -Atc "SELECT round(sum(calls)::numeric / $((ops - WARMUP)), 2) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())" >"$WORK/per-op"
      echo "SQL statements per transition (relay and all): $(cat "$WORK/per-op")"
      top_statements "$PAUSE_DB" | tee "$OUT/$run-statements.txt"
    fi
    if [ "$variant" = alone ] && [ "$READS" = 1 ]; then
      # the floor: what the cheapest authenticated call that reads the database costs, on the same JVM now warm
      echo "== $run: the floor, $((ops - WARMUP)) GET .../status at concurrency $conc (after $WARMUP not measured)"
      LOAD_MODE=status load 0 "$WARMUP" >/dev/null
      LOAD_MODE=status measure 0 "$((ops - WARMUP))" read
      echo "$RESULT"
      echo "CPU: $CPU"
    fi
    # peak resident memory of each service under this load (target <= 300 MB)
    rss=""
    for part in pause-service website-sync-service; do
      pid=$(pid_of "$part")
      [ -n "$pid" ] && rss="$rss $part $(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$pid/status")"
    done
    echo "peak RSS:$rss"
    RSS_OF[$run]="$rss"
    down  # stops pause-service: the flight recording is written on exit
    if [ "$PROFILE" = 1 ] && [ -s "$OUT/$run.jfr" ]; then
      python3 "$ROOT/bench/lib/jfr-hot.py" "$OUT/$run.jfr" | tee "$OUT/$run-profile.txt"
    fi
    api_tps=$(echo "$api" | sed -E 's/.*tps=([0-9.]+).*/\1/')
    SUMMARY+=("$(echo "$api" | awk -v run="$run" -v p="${PGB[$conc]}" -v b="$backlog_ms" -v t="$api_tps" '{
      for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "%-14s API %4.0f/s  pgbench %4.0f tx/s  ratio %.2f  p50 %5.1f ms  p99 %6.1f ms  max %6.1f ms  errors %d  backlog max %d ms ",
        run, t, p, t / p, v["p50_ms"], v["p99_ms"], v["max_ms"], v["errors"], b }') peak RSS:${RSS_OF[$run]}")
  done
done

echo "== summary (targets: ratio >= 0.5 alone at concurrency 8 and 16, >= 0.35 with the whole system; p99 <= 50 ms; 0 errors; backlog < 1000 ms)"
printf '%s\n' "${SUMMARY[@]}"
