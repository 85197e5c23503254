#!/usr/bin/env bash
# Throughput: 100,000 MentorStatusChanged records already on the topic, the sandbox answering at once (limits
# off). Measures Kafka's own ConsumerPerformance on the same broker, then website-sync-service until every record is
# applied (one audit row each), and prints the ratio. Self-contained: starts Kafka, the sandbox and the service on
# loopback ports 19092/18090/18082 (BENCH_*_PORT), uses database website_sync_bench, stops everything on exit.
# Usage: bench/website-sync-throughput.sh [records]
. "$(dirname "$0")/lib/bench-lib.sh"
N=${1:-100000}
DB=website_sync_bench
require_free "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$SANDBOX_PORT" "$SYNC_PORT"
build
start_kafka
start_sandbox -Dsandbox.limits.enabled=false
say "seeding $N contacts in the sandbox"
seed_contacts tp "$N" bench
say "producing $N records"
produce tp "$N" bench PAUSED 2

say "Kafka ConsumerPerformance over the same $N records"
perf=$(java -cp "$KAFKA_CP" org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
  --topic mentor-status-changed --messages "$N" --group "perf-$(date +%s)" --timeout 60000 2>/dev/null | tail -n 1)
echo "$perf" >"$WORK/consumer-performance.txt"
kafka_rate=$(echo "$perf" | awk -F', *' '{print $6}')

fresh_db "$DB"
say "starting website-sync-service"
t0=$(now_ms)
start_sync "$DB"
deadline=$(( $(date +%s) + 600 ))
done_rows=0
until [ "$done_rows" -ge "$N" ]; do
  [ "$(date +%s)" -gt "$deadline" ] && { say "not done within 600 s: $done_rows of $N"; break; }
  sleep 1
  done_rows=$(sql "$DB" "SELECT count(*) FROM website_sync_log WHERE source = 'EVENT'" 2>/dev/null || echo 0)
done
t1=$(now_ms)
read -r first last applied < <(sql "$DB" "SELECT extract(epoch FROM min(created_at))*1000, extract(epoch FROM max(created_at))*1000, count(*) FILTER (WHERE outcome = 'APPLIED') FROM website_sync_log WHERE source = 'EVENT'" | tr '|' ' ')
span_ms=$(awk -v a="$first" -v b="$last" 'BEGIN {printf "%d", b - a}')
sync_rate=$(awk -v n="$done_rows" -v ms="$span_ms" 'BEGIN {printf "%.0f", n * 1000 / (ms > 0 ? ms : 1)}')
hidden=$(curl -fsS "http://127.0.0.1:$SANDBOX_PORT/public/mentors?chapterId=bench" | { grep -o mentorId || true; } | wc -l)
cat <<REPORT
records on topic                      $N
kafka ConsumerPerformance             $kafka_rate records/s   ($perf)
website-sync-service applied          $applied of $N, dead letters $(dlq_count)
website-sync-service first->last row  ${span_ms} ms  =>  $sync_rate records/s
website-sync-service incl. start-up   $(( t1 - t0 )) ms
ratio sync / kafka                    $(awk -v s="$sync_rate" -v k="$kafka_rate" 'BEGIN {printf "%.3f", s / k}')
still visible in the sandbox          $hidden
REPORT
