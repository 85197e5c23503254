#!/usr/bin/env bash
# Runs each command of docs/runbook.md once against a running local system (deploy/local/up.sh) and checks its exit
# status and one field of its answer: the ops.sh commands, and the SQL that reads website_sync_log.
#   deploy/local/runbook-check.sh                      the commands only
#   deploy/local/runbook-check.sh --make-dead-letter   first makes a real dead letter (a mentor the portal does not
#                                                      know), then proves that replaying it by mentor applies it
# It replays every dead letter there is and starts a reconciliation: run it after a scenario, not during one.
# Env as ops.sh and up.sh: PAUSE_PORT SYNC_PORT SANDBOX_PORT (or PAUSE_URL SYNC_URL SANDBOX_URL), HLF_LOCAL_DATA,
# PG_HOST PG_PORT PG_USER PAUSE_DB (pause) SYNC_DB (website_sync). Prints PASS/FAIL per command; exits 1 if any failed.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OPS="$HERE/ops.sh"
PAUSE_URL="${PAUSE_URL:-http://127.0.0.1:${PAUSE_PORT:-8081}}"
SANDBOX_URL="${SANDBOX_URL:-http://127.0.0.1:${SANDBOX_PORT:-8090}}"
export PAUSE_URL SYNC_URL="${SYNC_URL:-http://127.0.0.1:${SYNC_PORT:-8082}}"
OPS_TOKEN="${OPS_TOKEN:-$("$HERE/token.sh" ops)}"
export OPS_TOKEN
PSQL=(psql -X -q -A -t -v ON_ERROR_STOP=1 -h "${PG_HOST:-127.0.0.1}" -p "${PG_PORT:-5432}" -U "${PG_USER:-postgres}")

failures=0
out=""
# run NAME CHECK COMMAND...: runs the command; PASS when it exits 0 and the python expression CHECK holds for its
# output parsed as JSON (j; the last answer when there are several, one a line; all of them in js)
run() {
  local name=$1 expr=$2 err
  shift 2
  err=$(mktemp)
  if out=$("$@" 2>"$err") && python3 -c '
import json, sys
text = sys.stdin.read()
try:
    js = [json.loads(text)]
except ValueError:  # several answers, one a line (a replay of many pages)
    js = [json.loads(line) for line in text.splitlines() if line.strip()]
j = js[-1]
sys.exit(0 if eval("(" + sys.argv[1] + ")") else 1)' "$expr" <<<"$out" 2>>"$err"; then
    printf 'PASS  %s\n' "$name"
  else
    printf 'FAIL  %s  (check: %s)\n' "$name" "$expr"
    sed 's/^/      /' "$err" | head -n 20
    printf '      output: %s\n' "$(head -c 400 <<<"$out")"
    failures=$((failures + 1))
  fi
  rm -f "$err"
}
field() { python3 -c 'import json, sys; print(json.loads(sys.stdin.read().splitlines()[-1])[sys.argv[1]])' "$1" <<<"$out"; }

# a mentor to look at: the first of pause-service's roster (a system caller's read)
mentor=$(curl -fsS -H "Authorization: Bearer $("$HERE/token.sh" admin)" "$PAUSE_URL/api/v1/mentors?limit=1" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["mentorId"])')

if [ "${1:-}" = --make-dead-letter ]; then
  # a new ACTIVE mentor whose contact the portal lacks: its sync is refused (404) and dead-lettered at once
  mentor=$(python3 -c 'import uuid; print(uuid.uuid4())')
  curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $("$HERE/token.sh" admin)" -H 'Content-Type: application/json' \
    -d "{\"chapterId\":\"runbook\",\"certificationValidUntil\":\"$(date -u -d '+1 year' +%F)\"}" "$PAUSE_URL/api/v1/mentors/$mentor"
  for _ in $(seq 1 60); do
    "$OPS" dlq list --mentor "$mentor" 2>/dev/null | grep -q '"mentorId":"'"$mentor" && break
    sleep 1
  done
  run "a real dead letter is listed (dlq list --mentor)" 'len(j["items"]) == 1 and j["items"][0]["letter"]["reason"] == "rejected"' \
    "$OPS" dlq list --mentor "$mentor"
  run "status of a dead-lettered mentor is FAILED" 'j["state"] == "FAILED" and j["consecutiveFailures"] >= 1' \
    "$OPS" status "$mentor"
  # the cause is fixed: the portal gets the contact (hidden); the replay shows the ACTIVE mentor
  curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' "$SANDBOX_URL/sandbox/contacts" \
    -d "[{\"mentorId\":\"$mentor\",\"chapterId\":\"runbook\",\"name\":\"Runbook check\",\"visible\":false}]"
  run "dlq replay --mentor applies the letter" 'j["matched"] == 1 and j["replayed"] == 1 and j["failed"] == 0' \
    "$OPS" dlq replay --mentor "$mentor"
  run "status after the replay is IN_SYNC and visible" 'j["state"] == "IN_SYNC" and j["portalVisible"] is True' \
    "$OPS" status "$mentor"
fi

# UP, and the right services answered: each one's Kafka channels are among its checks
run "status (health of both services)" 'j["pause-service"]["status"] == "UP" and j["website-sync-service"]["status"] == "UP"
and "certification-events" in json.dumps(j["pause-service"]) and "mentor-status-changed" in json.dumps(j["website-sync-service"])' \
  "$OPS" status
run "status <mentorId>" '"state" in j and j["mentorId"] is not None' "$OPS" status "$mentor"
run "log <mentorId>" 'isinstance(j, list) and all("outcome" in row for row in j)' "$OPS" log "$mentor" --limit 20
run "retry <mentorId>" '"state" in j' "$OPS" retry "$mentor"
run "dlq list" '"items" in j and "remaining" in j' "$OPS" dlq list --limit 20
run "dlq replay --all" 'all("matched" in r for r in js) and js[-1]["nextCursor"] is None' "$OPS" dlq replay --all
run "dlq replay --mentor" '"skippedStale" in j' "$OPS" dlq replay --mentor "$mentor"
run "dlq replay --from --to" '"replayed" in j' \
  "$OPS" dlq replay --from "$(date -u -d '-1 day' +%FT%TZ)" --to "$(date -u +%FT%TZ)"
run "cert-dlq list" '"items" in j' "$OPS" cert-dlq list
run "cert-dlq replay --mentor" '"matched" in j and "failures" in j' "$OPS" cert-dlq replay --mentor "$mentor"
run "cert-dlq replay --all" '"matched" in j and "failures" in j' "$OPS" cert-dlq replay --all

# a scheduled run may be going: 409 until it ends
for _ in $(seq 1 60); do
  if out=$("$OPS" reconcile 2>/dev/null); then break; fi
  sleep 2
done
run_id=$(field runId 2>/dev/null || true)
run "reconcile (started)" 'j["state"] in ("RUNNING", "DONE")' printf '%s\n' "$out"
for _ in $(seq 1 120); do
  [ -n "$run_id" ] || break
  "$OPS" reconcile-status "$run_id" | grep -q '"state":"RUNNING"' || break
  sleep 1
done
run "reconcile-status <runId>" 'j["state"] == "DONE" and j["checked"] >= 1' "$OPS" reconcile-status "$run_id"
run "reconcile-status (recent runs)" 'isinstance(j, list) and len(j) >= 1' "$OPS" reconcile-status

# Reading website_sync_log directly (docs/runbook.md, "Reading website_sync_log"): the same queries
if command -v psql >/dev/null; then
  sql_json() { "${PSQL[@]}" -d "${SYNC_DB:-website_sync}" -c "SELECT coalesce(json_agg(t), '[]') FROM ($1) t"; }
  pause_sql_json() { "${PSQL[@]}" -d "${PAUSE_DB:-pause}" -c "SELECT coalesce(json_agg(t), '[]') FROM ($1) t"; }
  run "SQL: one mentor's log" 'isinstance(j, list)' sql_json "SELECT created_at, action, outcome, success, attempt, event_version, source, actor, failure, error_detail FROM website_sync_log WHERE mentor_id = '$mentor' ORDER BY id DESC LIMIT 20"
  run "SQL: failures of the last hour" 'isinstance(j, list)' sql_json "SELECT mentor_id, action, outcome, failure, left(error_detail, 120) AS error FROM website_sync_log WHERE NOT success AND created_at > now() - interval '1 hour' ORDER BY id DESC LIMIT 50"
  run "SQL: outcomes per hour" 'isinstance(j, list)' sql_json "SELECT date_trunc('hour', created_at) AS hour, outcome, count(*) FROM website_sync_log WHERE created_at > now() - interval '1 day' GROUP BY 1, 2 ORDER BY 1 DESC, 2"
  run "SQL: mentors not in sync" 'isinstance(j, list)' sql_json "SELECT mentor_id, chapter_id, last_status, desired_visible, portal_visible, state, consecutive_failures, left(last_error, 120) AS last_error FROM sync_state WHERE state <> 'IN_SYNC' ORDER BY updated_at LIMIT 50"
  # OutboxBacklogOld: the backlog in pause-service's database
  run "SQL: outbox backlog" 'isinstance(j, list)' pause_sql_json "SELECT topic, count(*), min(created_at), max(attempts), left(max(last_error), 200) FROM outbox WHERE published_at IS NULL GROUP BY topic"
else
  printf 'SKIP  SQL queries (no psql)\n'
fi

if [ "$failures" -gt 0 ]; then printf '%d runbook command(s) FAILED\n' "$failures"; exit 1; fi
printf 'every runbook command passed\n'
