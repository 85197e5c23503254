#!/usr/bin/env bash
# Throughput: MentorStatusChanged records already on the topic, the sandbox answering at once (limits off).
# Measures Kafka's own ConsumerPerformance over the same topic (three runs, the median), then website-sync-service:
# it first works through WARMUP records (default 150,000, so the JIT has compiled the hot path, as in a service that
# has been running), then through the N measured ones; its rate is N over the time from the WARMUP-th audit row to
# the last, and CPU per record (per process and per thread of website-sync) is taken over the same stretch.
# Self-contained: starts Kafka, the sandbox and the service on loopback ports 19092/18090/18082 (BENCH_*_PORT), uses
# database website_sync_bench, stops everything on exit. website-sync runs with the deployed JVM options
# (deploy/local/jvm.sh); SYNC_JAVA_OPTS adds to them.
# Usage: [WARMUP=150000] [SYNC_JAVA_OPTS=...] bench/website-sync-throughput.sh [records]
. "$(dirname "$0")/lib/bench-lib.sh"
N=${1:-100000}
W=${WARMUP:-150000}
DB=website_sync_bench
require_free "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$SANDBOX_PORT" "$SYNC_PORT"
build
start_kafka
start_sandbox -Dsandbox.limits.enabled=false
say "seeding $W + $N contacts in the sandbox"
[ "$W" -gt 0 ] && seed_contacts wu "$W" bench
seed_contacts tp "$N" bench
say "producing $W warm-up records, then $N measured ones"
[ "$W" -gt 0 ] && produce wu "$W" bench PAUSED 2
produce tp "$N" bench PAUSED 2

rates=()
for i in 1 2 3; do
  say "Kafka ConsumerPerformance over the same $((W + N)) records, run $i"
  perf=$(java -cp "$KAFKA_CP" org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
    --topic mentor-status-changed --messages "$((W + N))" --group "perf-$i-$(date +%s)" --timeout 60000 2>/dev/null | tail -n 1)
  echo "$perf" >>"$WORK/consumer-performance.txt"
  rates+=("$(echo "$perf" | awk -F', *' '{printf "%.0f", $6}')")
done
kafka_rate=$(printf '%s\n' "${rates[@]}" | sort -n | sed -n 2p)

fresh_db "$DB"
# the costliest statements of the measured stretch, when pg_stat_statements is loaded (docs/benchmarks.md)
sql "$DB" "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null 2>&1 || true
statements() { sql "$DB" "SELECT 1 FROM pg_stat_statements LIMIT 1" >/dev/null 2>&1; }
say "starting website-sync-service"
t0=$(now_ms)
start_sync "$DB"
deadline=$(( $(date +%s) + 600 ))
done_rows=0
# CPU seconds of each process from the end of the warm-up to the end: sync kafka sandbox postgres
cpu_now() { echo "$(cpu_of "$SYNC_PID") $(cpu_of "$KAFKA_PID") $(cpu_of "$SANDBOX_PID") $(cpu_postgres)"; }
cpu_from=""; rows_from=0
until [ "$done_rows" -ge "$((W + N))" ]; do
  [ "$(date +%s)" -gt "$deadline" ] && { say "not done within 600 s: $done_rows of $((W + N))"; break; }
  sleep 0.5
  # the id sequence, not count(*): a count over a growing table cost PostgreSQL a tenth of the measured CPU
  done_rows=$(sql "$DB" "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM website_sync_log_id_seq" 2>/dev/null || echo 0)
  if [ -z "$cpu_from" ] && [ "$done_rows" -ge "$W" ]; then
    cpu_from=$(cpu_now); threads_from=$(cpu_threads "$SYNC_PID"); rows_from=$done_rows
    if statements; then sql "$DB" "SELECT pg_stat_statements_reset()" >/dev/null; fi
    [ "$W" -gt 0 ] && say "warm-up done ($done_rows rows)"
  fi
done
cpu_to=$(cpu_now); threads_to=$(cpu_threads "$SYNC_PID")
done_rows=$(sql "$DB" "SELECT count(*) FROM website_sync_log WHERE source = 'EVENT'")
peak_rss=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SYNC_PID/status")
# where the memory went, when SYNC_JAVA_OPTS turns on -XX:NativeMemoryTracking=summary
rm -f "$WORK/nmt.txt"
case "${SYNC_JAVA_OPTS:-}" in *NativeMemoryTracking*) jcmd "$SYNC_PID" VM.native_memory summary >"$WORK/nmt.txt" 2>&1 || true;; esac
cpu_report=$(awk -v a="$cpu_from" -v b="$cpu_to" -v n="$(( done_rows - rows_from ))" 'BEGIN {
  split(a, x, " "); split(b, y, " "); split("website-sync kafka sandbox postgres", name, " ")
  for (i = 1; i <= 4; i++) { d = y[i] - x[i]; t += d; printf "%s %.0f us, ", name[i], 1e6 * d / (n > 0 ? n : 1) }
  printf "all %.0f us per record (%.1f CPU s over %d records)", 1e6 * t / (n > 0 ? n : 1), t, n }')
t1=$(now_ms)
# the N rows after the W-th, by audit time (rows of one transaction share it)
read -r first last applied < <(sql "$DB" "SELECT (SELECT extract(epoch FROM created_at)*1000 FROM website_sync_log WHERE source = 'EVENT' ORDER BY created_at OFFSET GREATEST($W - 1, 0) LIMIT 1), extract(epoch FROM max(created_at))*1000, count(*) FILTER (WHERE outcome = 'APPLIED') FROM website_sync_log WHERE source = 'EVENT'" | tr '|' ' ')
span_ms=$(awk -v a="$first" -v b="$last" 'BEGIN {printf "%d", b - a}')
sync_rate=$(awk -v n="$N" -v ms="$span_ms" 'BEGIN {printf "%.0f", n * 1000 / (ms > 0 ? ms : 1)}')
hidden=$(curl -fsS "http://127.0.0.1:$SANDBOX_PORT/public/mentors?chapterId=bench" | { grep -o mentorId || true; } | wc -l)
cat <<REPORT
records on topic                      $W warm-up + $N measured
kafka ConsumerPerformance             $kafka_rate records/s   (median of ${rates[*]})
website-sync-service applied          $applied of $((W + N)), dead letters $(dlq_count)
website-sync-service measured records ${span_ms} ms  =>  $sync_rate records/s
website-sync-service all, start-up incl.$(( t1 - t0 )) ms
CPU per record applied                $cpu_report
website-sync-service CPU by thread     $(cpu_threads_delta "$threads_from" "$threads_to")
website-sync-service peak RSS         ${peak_rss} MB   (${SERVICE_JAVA_OPTS[*]} ${SYNC_JAVA_OPTS:-})
ratio sync / kafka                    $(awk -v s="$sync_rate" -v k="$kafka_rate" 'BEGIN {printf "%.3f", s / k}')
still visible in the sandbox          $hidden
REPORT
if [ -s "$WORK/nmt.txt" ]; then
  echo "native memory of website-sync-service (committed, MB):"
  awk '/^-/ && /committed=/ {name = $2; for (i = 3; i <= NF && $i !~ /\(/; i++) name = name " " $i
       match($0, /committed=[0-9]+KB/); printf "  %-28s %6.0f\n", name, substr($0, RSTART + 10, RLENGTH - 12) / 1024}' "$WORK/nmt.txt"
  grep -m1 '^Total' "$WORK/nmt.txt"
fi
if statements; then
  echo "statements of the measured stretch (calls | total ms | mean ms | statement):"
  sql "$DB" "SELECT calls, round(total_exec_time), round(mean_exec_time::numeric, 3), left(regexp_replace(query, '\s+', ' ', 'g'), 120) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT 8"
fi
