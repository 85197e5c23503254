#!/usr/bin/env bash
# The whole-system resilience suite: the real processes of deploy/local/up.sh (on ports and databases of its own),
# transitions driven through pause-service's API, one fault per scenario, and an oracle that trusts neither service
# (resilience/Check.java and Published.java: the driver's log of answered requests, from resilience/Drive.java,
# against the sandbox's listing and request log and against what the topic holds).
#
#   resilience/run.sh                 the short profile (CI): every scenario, 40 mentors x 6 transitions
#   resilience/run.sh --ci            what .ci/run runs: 5 scenarios, 20 mentors x 4 transitions
#   resilience/run.sh --long          the release profile: 100 mentors x 10 transitions (1,000), longer outages
#   resilience/run.sh s2-sync-kill    only the scenarios named
#
# Prints a table (also written to $RESILIENCE_RESULTS, default /tmp/hlf-resilience-results.md: the work directory
# goes at the end) and exits non-zero if any scenario fails. Every
# process it starts is stopped by pid at the end (deploy/local/down.sh --reset), pass or fail.
# The fault and check functions are called by name (run_scenario "$fault", "post_$name"):
# shellcheck disable=SC2317
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"

export HLF_LOCAL_DATA="${RESILIENCE_WORK:-/tmp/hlf-resilience}"
export PAUSE_PORT="${RESILIENCE_PAUSE_PORT:-28081}" SYNC_PORT="${RESILIENCE_SYNC_PORT:-28082}"
export SANDBOX_PORT="${RESILIENCE_SANDBOX_PORT:-28090}" KAFKA_PORT="${RESILIENCE_KAFKA_PORT:-29092}"
export KAFKA_CONTROLLER_PORT="${RESILIENCE_KAFKA_CONTROLLER_PORT:-29093}"
export PAUSE_DB=resilience_pause SYNC_DB=resilience_sync
# scenario 10's second replica of each service, and the on-call end of website-sync's alert webhook
PAUSE2_PORT="${RESILIENCE_PAUSE2_PORT:-28083}" SYNC2_PORT="${RESILIENCE_SYNC2_PORT:-28084}"
WEBHOOK_PORT="${RESILIENCE_WEBHOOK_PORT:-28095}"
# alerts judged over 30 s, every 2 s, so a 20 s outage opens and closes one incident within its scenario
export HLF_SYNC_ALERT_WEBHOOK_URL="http://127.0.0.1:$WEBHOOK_PORT/alerts" HLF_SYNC_ALERT_WINDOW=30s \
  HLF_SYNC_ALERT_EVALUATE_EVERY=2s

MENTORS=40 ROUNDS=6 RATE=40 OUTAGE=${RESILIENCE_OUTAGE:-20} SETTLE=120
CI_SCENARIOS=""
case "${1:-}" in
  --long) MENTORS=100 ROUNDS=10 RATE=50 OUTAGE=${RESILIENCE_OUTAGE:-120} SETTLE=300; shift ;;
  --ci) MENTORS=20 ROUNDS=4 RATE=30 OUTAGE=10 SETTLE=90; shift
        CI_SCENARIOS="s12-security s2-sync-kill s3-pause-kill s4-pg-restart s8-duplicates s9-stale-replay" ;;
esac
ONLY=" ${*:-$CI_SCENARIOS} "

say() { printf '[resilience %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
S="http://127.0.0.1:$SANDBOX_PORT"
P="http://127.0.0.1:$PAUSE_PORT"
W="http://127.0.0.1:$SYNC_PORT"
OUT="$HLF_LOCAL_DATA/suite"

WEBHOOK_PID=""
stop_all() {
  "$ROOT/deploy/local/down.sh" --reset >/dev/null 2>&1 || true
  if [ -n "$WEBHOOK_PID" ]; then kill "$WEBHOOK_PID" 2>/dev/null || true; fi
}
# RESILIENCE_KEEP=1 leaves the system running at the end, to look at it (deploy/local/down.sh with the same env stops it)
if [ "${RESILIENCE_KEEP:-0}" != 1 ]; then trap stop_all EXIT; fi

up() { "$ROOT/deploy/local/up.sh" >>"$OUT/up.log" 2>&1 || { say "up.sh failed:"; tail -n 30 "$OUT/up.log" >&2; return 1; }; }
pid_of() { cut -d' ' -f1 "$HLF_LOCAL_DATA/pids/$1.pid"; }
token() { "$ROOT/deploy/local/token.sh" "$@"; }
lines() { if [ -f "$1" ]; then wc -l <"$1"; else echo 0; fi; }

# --- faults: each injects its fault once the driver is a third of the way through, then recovers --------------

kill_and_restart() { # part
  local pid; pid=$(pid_of "$1")
  kill -9 "$pid"; say "  kill -9 $1 (pid $pid)"
  sleep 3
  up; say "  up.sh restarted $1 (pid $(pid_of "$1"))"
}
f_kafka_kill() { kill_and_restart kafka; }
f_sync_kill() { kill_and_restart website-sync-service; }
f_pause_kill() { kill_and_restart pause-service; }
f_outage() {
  curl -fsS -o /dev/null -X PUT "$S/sandbox/faults" -H 'Content-Type: application/json' -d "{\"outageSeconds\":$OUTAGE,\"status\":503}"
  say "  portal outage for ${OUTAGE}s"; sleep "$OUTAGE"; curl -fsS -X DELETE "$S/sandbox/faults"
}
# What ops do after an outage or a throttling storm that outlasted the retries (docs/runbook.md): replay the
# scenario's dead letters (stale ones are skipped). Prints how many there were; the replay's answer (none when there
# were none) is left in $REPLAY_ANSWER for the scenario's note.
REPLAY_ANSWER="$OUT/replay.answer"
replay_dead_letters() {
  local letters
  : >"$REPLAY_ANSWER"
  letters=$(curl -fsS "$W/api/v1/website-sync/dlq?from=$STARTED&limit=500" -H "Authorization: Bearer $(token ops)" | grep -o '"mentorId"' | wc -l)
  if [ "$letters" -gt 0 ]; then
    curl -fsS -X POST "$W/api/v1/website-sync/dlq/replay" -H "Authorization: Bearer $(token ops)" \
      -H 'Content-Type: application/json' -d "{\"from\":\"$STARTED\"}" >"$REPLAY_ANSWER"
    say "  $letters dead letters replayed: $(cat "$REPLAY_ANSWER")"
  fi
  echo "$letters"
}
# The on-call path, as the receiver sees it. An outage dead-letters the writes that outlast their retries; ops replay
# them, and the receiver's messages are counted.
post_s5-portal-outage() {
  local letters firing resolved
  letters=$(replay_dead_letters)
  sleep 5 # an evaluation (every 2 s here) after the replay
  if [ "$(alerts_since "$STARTED" firing)" -ge 1 ]; then
    for _ in $(seq 1 90); do [ "$(alerts_since "$STARTED" resolved)" -ge 1 ] && break; sleep 1; done
  fi
  sleep 5; firing=$(alerts_since "$STARTED" firing); resolved=$(alerts_since "$STARTED" resolved)
  NOTE="$letters dead letters$([ "$letters" -eq 0 ] || echo ", replayed"); webhook got $firing firing and $resolved resolved message(s)"
  # a long outage (beyond the retries, most writes failing) pages exactly once; a short one at most once (whether the
  # few writes that outlast their retries reach the alert's failure ratio depends on the traffic around them); every
  # page is resolved, none flaps
  if [ "$OUTAGE" -ge 60 ]; then
    [ "$firing" -eq 1 ] && [ "$resolved" -eq 1 ] || EXTRA_FAIL=1
  else
    [ "$firing" -le 1 ] && [ "$resolved" -eq "$firing" ] || EXTRA_FAIL=1
  fi
}
alerts_since() { # iso-time status: WebsiteSyncFailing messages of that status the webhook received since then
  awk -F'\t' -v t="$1" '$1 >= t' "$ALERTS" | grep -F '"alert":"WebsiteSyncFailing"' | grep -cF "\"status\":\"$2\"" || true
}
f_throttle() {
  curl -fsS -o /dev/null -X PUT "$S/sandbox/faults" -H 'Content-Type: application/json' \
    -d '{"status":429,"failureRate":0.6,"retryAfterSeconds":2}'
  STORM_FROM=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
  say "  60% of portal calls answered 429 Retry-After: 2 for ${OUTAGE}s"; sleep "$OUTAGE"; curl -fsS -X DELETE "$S/sandbox/faults"
  STORM_TO=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
}
# Retry-After honoured, from the sandbox's request log: no call of website-sync sooner than 2 s after a 429.
post_s6-throttling() {
  local result calls="" throttled="" early="" minGapMs="" callsPerSecond=""
  result=$(java "$HERE/Check.java" --throttle "$S" website-sync "$STORM_FROM" "$STORM_TO" 2 2>>"$OUT/s6-throttling.check.err")
  eval "$result"
  NOTE="$(replay_dead_letters) dead letters replayed; storm: $calls calls ($callsPerSecond/s), $throttled answered 429, $early sooner than Retry-After, shortest wait after a 429 ${minGapMs} ms"
  [ "${throttled:-0}" -ge 1 ] && [ "${early:-1}" -eq 0 ] || EXTRA_FAIL=1
}
f_reconcile() {
  local i
  for i in 1 2 3; do
    curl -fsS -o /dev/null -X POST "$W/api/v1/website-sync/reconcile" -H "Authorization: Bearer $(token ops)" \
      && say "  reconciliation $i started"
    sleep 4
  done
}
f_none() { :; }
# Scenario 10: a second replica of each service joins before the stream (a rebalance of website-sync's group; two
# outbox relays); the driver spreads requests over both pause-service replicas. Mid-stream replica 1 of each is
# killed -9: the survivors carry on (website-sync's partitions move once the broker drops the dead member), then
# up.sh restarts it (another rebalance) while transitions still flow.
pre_s10-replicas() {
  HLF_INSTANCE=2 PAUSE_PORT="$PAUSE2_PORT" SYNC_PORT="$SYNC2_PORT" up
  say "  replica 2 of each service is up ($PAUSE2_PORT, $SYNC2_PORT)"
  DRIVE_BASES="$P,http://127.0.0.1:$PAUSE2_PORT" DRIVE_RATE=10
}
f_replicas() {
  local sync pause; sync=$(pid_of website-sync-service) pause=$(pid_of pause-service)
  kill -9 "$sync" "$pause"; say "  kill -9 replica 1 of website-sync-service (pid $sync) and pause-service (pid $pause)"
  sleep 10
  up; say "  up.sh restarted replica 1 of both"
}
post_s10-replicas() {
  HLF_INSTANCE=2 "$ROOT/deploy/local/down.sh" >/dev/null 2>&1 || true
  NOTE="replica 2 joined, replica 1 of each killed -9 and restarted; requests over both pause-service replicas"
}
f_pg_restart() {
  local ver; ver=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)
  pg_ctlcluster --skip-systemctl-redirect "$ver" main stop -m immediate; say "  PostgreSQL $ver stopped (-m immediate)"
  sleep 15
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start; say "  PostgreSQL $ver started again"
}
# Poison on both input topics mid-stream: they must reach their dead-letter topics and block nothing.
f_poison() {
  local key; key=$(head -n 1 "$IDS")
  printf '%s|{"poison":"%s"\n%s|{"poison":"%s","version":"x"}\n' "$key" "$CHAPTER" "$key" "$CHAPTER" | produce mentor-status-changed
  printf '%s|not json %s\n' "$key" "$CHAPTER" | produce certification-events
  say "  2 poison records on mentor-status-changed, 1 on certification-events"
}
post_s7-poison() {
  local sync cert
  sync=$(topic_dump website-sync-dlq | grep -cF "$CHAPTER" || true)
  cert=$(topic_dump certification-events-dlq | grep -cF "$CHAPTER" || true)
  NOTE="dead-lettered $sync/2 and $cert/1"
  [ "$sync" -eq 2 ] && [ "$cert" -eq 1 ] || EXTRA_FAIL=1
}
# The portal refuses (400) the first writes of the stream: they are dead-lettered. After the newer transitions are
# applied, ops replay the dead letters of this scenario: each must be skipped as stale, none may show a mentor again.
f_portal_rejects() {
  curl -fsS -o /dev/null -X PUT "$S/sandbox/faults" -H 'Content-Type: application/json' -d '{"status":400,"count":4}'
  say "  the portal refuses the next 4 calls with 400"
  sleep 3; curl -fsS -X DELETE "$S/sandbox/faults"
}
post_s9-stale-replay() {
  local listed
  sleep 5
  listed=$(replay_dead_letters)
  NOTE="dead letters $listed, replay $(grep -o '"replayed":[0-9]*\|"skippedStale":[0-9]*' "$REPLAY_ANSWER" | tr '\n' ' ')"
  [ "$listed" -ge 1 ] || EXTRA_FAIL=1
}
health_of() { # base url: the overall status /q/health reports, or "none" without an answer
  curl -s "$1/q/health" | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])' 2>/dev/null || echo none
}
note_s4() { # the API must have said so while the database was down: 503 problem+json, Retry-After
  # and once it is back and the stream settled, the first health read of each service says UP: a pooled connection
  # that died with the database must not read as the database being down (as it once did, until used up)
  local pause_health sync_health
  pause_health=$(health_of "$P")
  sync_health=$(health_of "$W")
  NOTE="503 problem answers while down: ${problems503:-0}; first health read after: pause-service $pause_health, website-sync-service $sync_health"
  [ "${problems503:-0}" -ge 1 ] && [ "$pause_health" = UP ] && [ "$sync_health" = UP ] || EXTRA_FAIL=1
}
# Scenario 8: every record the stream produced for these mentors is produced again, newest first.
post_s8-duplicates() {
  topic_dump mentor-status-changed | grep -F -f "$IDS" | tac >"$OUT/s8.records" || true
  produce mentor-status-changed <"$OUT/s8.records"
  NOTE="$(wc -l <"$OUT/s8.records") records produced again, newest first"
}

# --- one scenario --------------------------------------------------------------------------------------------------

ROWS=()
FAILED=0
KAFKA_CP=""
kafka_cp() { [ -n "$KAFKA_CP" ] || KAFKA_CP=$(cat "$HLF_LOCAL_DATA/kafka/classpath.txt"); }
topic_dump() { # topic: key|value lines, from the beginning
  kafka_cp
  java -cp "$KAFKA_CP" org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
    --topic "$1" --from-beginning --timeout-ms 6000 --property print.key=true --property key.separator='|' 2>/dev/null || true
}
produce() { # topic, key|value lines on stdin
  kafka_cp
  java -cp "$KAFKA_CP" org.apache.kafka.tools.ConsoleProducer --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
    --topic "$1" --property parse.key=true --property key.separator='|' 2>/dev/null
}

# N mentors of $CHAPTER (ids in $IDS): contacts seeded hidden in the sandbox, registered ACTIVE in pause-service;
# waits until the public listing shows them all.
seed() {
  for _ in $(seq 1 "$1"); do cat /proc/sys/kernel/random/uuid; done >"$IDS"
  curl -fsS -o /dev/null -X POST "$S/sandbox/contacts" -H 'Content-Type: application/json' \
    -d "[$(awk -v c="$CHAPTER" '{printf "%s{\"mentorId\":\"%s\",\"chapterId\":\"%s\",\"name\":\"R %d\",\"visible\":false}", (NR>1?",":""), $1, c, NR}' "$IDS")]"
  curl -fsS -o /dev/null -X POST "$P/api/v1/mentors/import" -H "Authorization: Bearer $(token system)" \
    -H 'Content-Type: application/json' \
    -d "[$(awk -v c="$CHAPTER" '{printf "%s{\"mentorId\":\"%s\",\"chapterId\":\"%s\",\"certificationValidUntil\":\"2099-12-31\"}", (NR>1?",":""), $1, c}' "$IDS")]"
  for _ in $(seq 1 60); do
    [ "$(curl -fsS "$S/public/mentors?chapterId=$CHAPTER" | grep -o '"mentorId"' | wc -l)" -eq "$1" ] && break
    sleep 1
  done
}

# Every table of both databases: rows and a digest of their content.
db_snapshot() {
  local db table
  for db in "$PAUSE_DB" "$SYNC_DB"; do
    for table in $(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "SELECT tablename FROM pg_tables WHERE schemaname = 'public'
                   AND tablename <> 'flyway_schema_history' ORDER BY 1"); do
      printf '%s.%s %s\n' "$db" "$table" "$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc \
        "SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM $table t")"
    done
  done
}

# Scenario 12: every operation of both services probed with broken tokens, wrong roles, other chapters and bad
# bodies (resilience/Probe.java), on a quiet system; both databases must be exactly as they were.
security_scenario() {
  local name=s12-security result operations="" probes="" wrong="" verdict=PASS changed
  [ "$ONLY" = "  " ] || [[ "$ONLY" == *" $name "* ]] || return 0
  say "$name: every endpoint probed with broken tokens, wrong roles, other chapters and bad bodies"
  CHAPTER="r-$name-$(date +%s)"; IDS="$OUT/$name.ids"
  seed 1
  for _ in $(seq 1 60); do # the start-up reconciliation writes; wait until it is done
    curl -fsS "$W/api/v1/website-sync/reconcile?limit=1" -H "Authorization: Bearer $(token ops)" | grep -q '"RUNNING"' || break
    sleep 1
  done
  sleep 3
  db_snapshot >"$OUT/$name.before"
  kafka_cp # Probe reads JSON with Jackson, which the Kafka tools' class path has
  result=$(java -cp "$KAFKA_CP" "$HERE/Probe.java" "$HLF_LOCAL_DATA/keys" "${JWT_ISSUER:-https://auth.hlf.local}" \
    "${JWT_AUDIENCE:-hlf-mentor-status}" "$CHAPTER" "$(head -n 1 "$IDS")" "$P" "$W" 2>"$OUT/$name.err") \
    || { result="probeFailed=1"; verdict=FAIL; }
  sleep 3
  db_snapshot >"$OUT/$name.after"
  eval "$result"
  changed=$(diff "$OUT/$name.before" "$OUT/$name.after" | grep -c '^>' || true)
  [ "${wrong:-1}" -eq 0 ] && [ "$changed" -eq 0 ] || verdict=FAIL
  [ "$verdict" = PASS ] || { FAILED=1; head -n 20 "$OUT/$name.err" >&2; diff "$OUT/$name.before" "$OUT/$name.after" >&2 || true; }
  say "  $verdict $result changedTables=$changed"
  ROWS+=("| $name | ${probes:-?} probes of ${operations:-?} operations (no token, forged, expired, wrong issuer and audience, alg=none, HS256 with the public key, issued ahead; wrong roles; other chapter; oversized, malformed, wrongly typed, unknown-field bodies): ${wrong:-?} wrong answers, $changed tables changed | - | - | - | - | - | - | - | - | - | - | - | - | $verdict |")
}

# Every command of docs/runbook.md once, against this system after the scenarios (it replays every dead letter and
# starts a reconciliation, so never during one): deploy/local/runbook-check.sh, with a dead letter of its own.
runbook_commands() {
  local verdict=PASS passed failed
  [ "$ONLY" = "  " ] || [[ "$ONLY" == *" runbook "* ]] || [ -n "$CI_SCENARIOS" ] || return 0
  say "runbook: every command of docs/runbook.md against this system"
  "$ROOT/deploy/local/runbook-check.sh" --make-dead-letter >"$OUT/runbook.log" 2>&1 || verdict=FAIL
  passed=$(grep -c '^PASS' "$OUT/runbook.log" || true) failed=$(grep -c '^FAIL' "$OUT/runbook.log" || true)
  [ "$verdict" = PASS ] || { FAILED=1; grep '^FAIL' "$OUT/runbook.log" >&2 || tail -n 20 "$OUT/runbook.log" >&2; }
  say "  $verdict: $passed commands passed, $failed failed"
  ROWS+=("| runbook | every command of docs/runbook.md (deploy/local/runbook-check.sh): $passed passed, $failed failed | - | - | - | - | - | - | - | - | - | - | - | - | $verdict |")
}

run_scenario() { # name fault description
  local name=$1 fault=$2 description=$3 log total drv result events
  [ "$ONLY" = "  " ] || [[ "$ONLY" == *" $name "* ]] || return 0
  say "$name: $description"
  CHAPTER="r-$name-$(date +%s)"; IDS="$OUT/$name.ids"; NOTE=""; EXTRA_FAIL=0
  STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  log="$OUT/$name.log"; events="$OUT/$name.events"
  seed "$MENTORS"
  token coordinator "$CHAPTER" >"$OUT/$name.token"
  total=$((MENTORS * ROUNDS))
  DRIVE_BASES="$P" DRIVE_RATE="$RATE"
  if declare -F "pre_$name" >/dev/null; then "pre_$name"; fi
  java "$HERE/Drive.java" "$DRIVE_BASES" "$OUT/$name.token" "$IDS" "$ROUNDS" 8 "$DRIVE_RATE" "$log" 2>"$OUT/$name.driver.err" &
  drv=$!
  for _ in $(seq 1 600); do [ "$(lines "$log")" -ge $((total / 3)) ] && break; kill -0 "$drv" 2>/dev/null || break; sleep 0.2; done
  "$fault"
  wait "$drv" || say "  the driver failed: see $OUT/$name.driver.err"
  # the portal first (it waits for the system to settle), then what was published, read once everything arrived
  java "$HERE/Check.java" "$S" "$CHAPTER" "$IDS" "$log" "$SETTLE" >/dev/null 2>"$OUT/$name.check.err" || true
  # (s7's poison records are not events of the stream)
  topic_dump mentor-status-changed | grep -F -f "$IDS" | grep -vF '"poison"' >"$events" || true
  if declare -F "post_$name" >/dev/null; then
    "post_$name"
    java "$HERE/Check.java" "$S" "$CHAPTER" "$IDS" "$log" "$SETTLE" >/dev/null 2>>"$OUT/$name.check.err" || true
  fi
  result="$(java "$HERE/Check.java" "$S" "$CHAPTER" "$IDS" "$log" 1 2>>"$OUT/$name.check.err") $(java \
    "$HERE/Published.java" "$log" "$events" 2>>"$OUT/$name.check.err")" || result="checkFailed=1"
  local transitions="" unanswered="" refused="" wrong="" stale="" duplicates="" writes="" overlaps="" settleMs="" problems503="" serverErrors=""
  local events="" unpublished="" invented="" reordered="" verdict=PASS
  eval "$result"
  [ "$name" != s4-pg-restart ] || note_s4
  if [ "${transitions:-0}" -ne "$total" ] || [ "${unanswered:-1}" -ne 0 ] || [ "${refused:-1}" -ne 0 ] \
     || [ "${wrong:-1}" -ne 0 ] || [ "${stale:-1}" -ne 0 ] || [ "${unpublished:-1}" -ne 0 ] \
     || [ "${invented:-1}" -ne 0 ] || [ "${reordered:-1}" -ne 0 ] || [ "${overlaps:-1}" -ne 0 ] \
     || [ "${serverErrors:-1}" -ne 0 ] \
     || [ "$EXTRA_FAIL" -ne 0 ]; then
    verdict=FAIL; FAILED=1
  fi
  say "  $verdict $result${NOTE:+ ($NOTE)}"
  ROWS+=("| $name | $description${NOTE:+; $NOTE} | ${transitions:-?} | ${unanswered:-?} | ${wrong:-?} | ${stale:-?} | ${unpublished:-?} | ${invented:-?} | ${reordered:-?} | ${overlaps:-?} | ${serverErrors:-?} | ${duplicates:-?} | ${writes:-?} | ${settleMs:-?} | $verdict |")
}

# --- the suite -----------------------------------------------------------------------------------------------------

stop_all
mkdir -p "$OUT"
ALERTS="$OUT/alerts.log"
java "$HERE/Webhook.java" "$WEBHOOK_PORT" "$ALERTS" 2>"$OUT/webhook.err" &
WEBHOOK_PID=$!
say "starting the system (work dir $HLF_LOCAL_DATA; ports $PAUSE_PORT $SYNC_PORT $SANDBOX_PORT $KAFKA_PORT)"
up
SECONDS=0
security_scenario
run_scenario s1-kafka-kill f_kafka_kill "Kafka broker kill -9 mid-stream, restarted by up.sh"
run_scenario s2-sync-kill f_sync_kill "website-sync-service kill -9 mid-stream, restarted by up.sh"
run_scenario s3-pause-kill f_pause_kill "pause-service kill -9 mid-stream, restarted by up.sh"
run_scenario s4-pg-restart f_pg_restart "PostgreSQL stopped (-m immediate) for 15 s mid-stream"
run_scenario s5-portal-outage f_outage "portal answers 503 to everything for ${OUTAGE}s"
run_scenario s6-throttling f_throttle "60% of portal calls 429 with Retry-After for ${OUTAGE}s"
run_scenario s7-poison f_poison "poison records on mentor-status-changed and certification-events mid-stream"
run_scenario s8-duplicates f_none "every event produced again, newest first, after the stream"
run_scenario s9-stale-replay f_portal_rejects "first writes refused (400) and dead-lettered, replayed after newer ones"
run_scenario s10-replicas f_replicas "two replicas of each service; replica 1 of each killed -9 mid-stream, restarted"
run_scenario s11-reconcile f_reconcile "three reconciliations while transitions flow"
runbook_commands

{
  echo "| scenario | fault | transitions | lost (unanswered) | wrong at end | stale regressions | unpublished | invented | reordered | overlapping writes | server errors | duplicate writes | portal writes | settle ms | result |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
} | tee "${RESILIENCE_RESULTS:-/tmp/hlf-resilience-results.md}"
say "suite took ${SECONDS}s; $MENTORS mentors x $ROUNDS transitions per scenario; logs in $OUT"
exit "$FAILED"
