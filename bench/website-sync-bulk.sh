#!/usr/bin/env bash
# Bulk convergence: 10,000 visible mentors expire at once (the yearly certification deadline), the sandbox enforcing
# Dataverse's default service protection limits (6,000 requests / 5 min, 52 concurrent, 1,200 s execution). Time
# from the records being on the topic until the public listing shows none of them, and dead letters, with $batch on,
# then the same with batching off (bounded by BULK_TIMEOUT seconds, default 180).
# Self-contained: Kafka, sandbox and service on loopback ports 19092/18090/18082, databases website_sync_bulk_*.
# Usage: bench/website-sync-bulk.sh [mentors]
. "$(dirname "$0")/lib/bench-lib.sh"
N=${1:-10000}
TIMEOUT=${BULK_TIMEOUT:-180}
require_free "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$SANDBOX_PORT" "$SYNC_PORT"
build
start_kafka
start_sandbox

run() { # label prefix batching
  local label=$1 prefix=$2 batching=$3 db="website_sync_bulk_$2" chapter="bulk-$2"
  seed_contacts "$prefix" "$N" "$chapter"
  fresh_db "$db"
  local dlq_before; dlq_before=$(dlq_count)
  start_sync "$db" HLF_SYNC_BATCH_ENABLED="$batching"
  wait_http "http://127.0.0.1:$SYNC_PORT/q/health/ready" website-sync-service
  local t0; t0=$(now_ms)
  produce "$prefix" "$N" "$chapter" EXPIRED_CERT 2
  local visible=$N deadline=$(( $(date +%s) + TIMEOUT ))
  while [ "$visible" -gt 0 ] && [ "$(date +%s)" -le "$deadline" ]; do
    sleep 0.5
    visible=$(curl -fsS "http://127.0.0.1:$SANDBOX_PORT/public/mentors?chapterId=$chapter" | { grep -o mentorId || true; } | wc -l)
  done
  local t1; t1=$(now_ms)
  local throttled; throttled=$(curl -fsS "http://127.0.0.1:$SANDBOX_PORT/sandbox/requests?clientId=website-sync" \
    | { grep -o "\"status\":429" || true; } | wc -l)
  local calls; calls=$(sql "$db" "SELECT count(*) FROM website_sync_log WHERE outcome = 'APPLIED'")
  if [ "$visible" -eq 0 ]; then
    printf '%-12s %6d mentors hidden in %6d ms; dead letters %d; 429 answers %d; applied rows %d\n' \
      "$label" "$N" $(( t1 - t0 )) $(( $(dlq_count) - dlq_before )) "$throttled" "$calls"
  else
    printf '%-12s NOT converged within %d s: %d of %d still visible; dead letters %d; 429 answers %d\n' \
      "$label" "$TIMEOUT" "$visible" "$N" $(( $(dlq_count) - dlq_before )) "$throttled"
  fi
  stop_sync
  curl -fsS -o /dev/null -X DELETE "http://127.0.0.1:$SANDBOX_PORT/sandbox/requests"
  curl -fsS -o /dev/null -X DELETE "http://127.0.0.1:$SANDBOX_PORT/sandbox/limits"
}

say "batching on"
run "batch on" bon true
say "batching off"
run "batch off" boff false
