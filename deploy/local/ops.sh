#!/usr/bin/env bash
# The ops endpoints of both services from the command line (docs/runbook.md uses it). Prints the answers' JSON on
# stdout; a non-2xx answer goes to stderr with its problem body, and the exit status is 1 (2 for a usage error).
#
#   ops.sh status                          health of both services (/q/health); 1 when either is not UP
#   ops.sh status <mentorId>               website-sync state of one mentor (desired vs portal, failures, last error)
#   ops.sh log <mentorId> [--limit N]      the mentor's rows of website_sync_log, newest first
#   ops.sh retry <mentorId>                write the mentor's last known status to the portal again
#   ops.sh dlq list [FILTER] [--limit N] [--cursor C]        website-sync-dlq, a page at a time
#   ops.sh dlq replay (--all | FILTER) [--limit N]           replay; follows nextCursor until none remain
#   ops.sh cert-dlq list [FILTER] [--limit N] [--cursor C]   certification-events-dlq (pause-service)
#   ops.sh cert-dlq replay (--all | FILTER)
#   ops.sh reconcile [--chapter C] [--wait]                  start a run (202); --wait follows it to its end
#   ops.sh reconcile-status [runId]        one run's state and counts, or the recent runs
# FILTER: --mentor <uuid> and/or --from <instant> --to <instant> (ISO-8601, e.g. 2026-11-22T00:00:00Z; when the
# letters were dead-lettered).
#
# Env: SYNC_URL (default http://127.0.0.1:$SYNC_PORT, port 8082), PAUSE_URL (http://127.0.0.1:$PAUSE_PORT, 8081),
#      OPS_TOKEN: the bearer token (groups: ops); without it, a local token from deploy/local/token.sh ops
#      (which honours HLF_LOCAL_DATA). Needs curl and python3.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SYNC_URL="${SYNC_URL:-http://127.0.0.1:${SYNC_PORT:-8082}}"
PAUSE_URL="${PAUSE_URL:-http://127.0.0.1:${PAUSE_PORT:-8081}}"
SYNC_API="$SYNC_URL/api/v1/website-sync"
CERT_DLQ="$PAUSE_URL/api/v1/admin/certification-dlq"

say() { printf '%s\n' "$*" >&2; }
usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
# the token, once per run (calls run in subshells)
need_token() {
  if [ -z "${OPS_TOKEN:-}" ]; then OPS_TOKEN=$("$HERE/token.sh" ops); fi
}

# Values are checked here so that they can be put into JSON and URLs as they are; the services check them again.
UUID_RE='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
INSTANT_RE='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$'
check() { # what value regex
  [[ $2 =~ $3 ]] || { say "ops.sh: not a valid $1: $2"; exit 2; }
}

# call METHOD URL [BODY]: prints a 2xx answer's body; otherwise the status and body on stderr, and returns 1
call() {
  local method=$1 url=$2 body=${3-} answer code
  local args=(-sS -m 60 -X "$method" -w '\n%{http_code}' -H "Authorization: Bearer $OPS_TOKEN" -H 'Accept: application/json')
  if [ -n "$body" ]; then args+=(-H 'Content-Type: application/json' --data "$body"); fi
  answer=$(curl "${args[@]}" "$url") || { say "ops.sh: $method $url: no answer"; return 1; }
  code=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  if [[ $code == 2* ]]; then
    printf '%s\n' "$answer"
  else
    say "ops.sh: $method $url answered $code"
    printf '%s\n' "$answer" >&2
    return 1
  fi
}

field() { # name: one top-level field of the JSON on stdin ("" when null or absent)
  python3 -c 'import json, sys
v = json.load(sys.stdin).get(sys.argv[1])
print("" if v is None else v)' "$1"
}

# Filter options shared by the DLQ commands: sets mentor, from, to, limit, cursor, all.
mentor="" from="" to="" limit="" cursor="" all="" chapter="" wait=""
parse() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --mentor) check "mentor id" "${2-}" "$UUID_RE"; mentor=$2; shift 2 ;;
      --from) check "instant" "${2-}" "$INSTANT_RE"; from=$2; shift 2 ;;
      --to) check "instant" "${2-}" "$INSTANT_RE"; to=$2; shift 2 ;;
      --limit) check "limit" "${2-}" '^[0-9]{1,5}$'; limit=$2; shift 2 ;;
      --cursor) check "cursor" "${2-}" '^[A-Za-z0-9_-]{1,200}$'; cursor=$2; shift 2 ;;
      --chapter) check "chapter id" "${2-}" '^[a-z0-9-]{1,64}$'; chapter=$2; shift 2 ;;
      --all) all=1; shift ;;
      --wait) wait=1; shift ;;
      *) say "ops.sh: unknown option $1"; usage ;;
    esac
  done
}

query() { # the filter as a query string
  local q="" k v
  for k in mentorId from to limit cursor; do
    case $k in mentorId) v=$mentor ;; from) v=$from ;; to) v=$to ;; limit) v=$limit ;; cursor) v=$cursor ;; esac
    if [ -n "$v" ]; then q="$q${q:+&}$k=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$v")"; fi
  done
  printf '%s' "${q:+?$q}"
}

body() { # the filter as a JSON object (limit as a number)
  local out="" k v
  for k in mentorId from to cursor; do
    case $k in mentorId) v=$mentor ;; from) v=$from ;; to) v=$to ;; cursor) v=$cursor ;; esac
    if [ -n "$v" ]; then out="$out${out:+,}\"$k\":\"$v\""; fi
  done
  if [ -n "$limit" ]; then out="$out${out:+,}\"limit\":$limit"; fi
  printf '{%s}' "$out"
}

replay_filter_given() {
  if [ -z "$all" ] && [ -z "$mentor$from$to" ]; then
    say "ops.sh: say what to replay: --all, --mentor <uuid>, or --from <instant> --to <instant>"; exit 2
  fi
  if [ -n "$all" ] && [ -n "$mentor$from$to" ]; then say "ops.sh: --all takes no filter"; exit 2; fi
}

health() { # name url: prints the health JSON (also a DOWN one); returns 1 unless UP
  local answer code
  answer=$(curl -sS -m 10 -w '\n%{http_code}' "$2/q/health") || { say "ops.sh: $1 does not answer ($2)"; printf 'null'; return 1; }
  code=${answer##*$'\n'}
  printf '%s' "${answer%$'\n'*}"
  [ "$code" = 200 ] || { say "ops.sh: $1 is not UP (/q/health answered $code)"; return 1; }
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in status | log | retry | dlq | cert-dlq | reconcile | reconcile-status) ;; *) usage ;; esac
# every command but the health check needs the token
if [ "$cmd" != status ] || [ $# -gt 0 ]; then need_token; fi
case "$cmd" in
  status)
    if [ $# -eq 0 ]; then
      rc=0
      p=$(health pause-service "$PAUSE_URL") || rc=1
      s=$(health website-sync-service "$SYNC_URL") || rc=1
      printf '{"pause-service":%s,"website-sync-service":%s}\n' "$p" "$s"
      exit "$rc"
    fi
    check "mentor id" "$1" "$UUID_RE"
    call GET "$SYNC_API/$1/status" ;;
  log)
    [ $# -ge 1 ] || usage
    check "mentor id" "$1" "$UUID_RE"; id=$1; shift; parse "$@"
    call GET "$SYNC_API/$id/log${limit:+?limit=$limit}" ;;
  retry)
    [ $# -eq 1 ] || usage
    check "mentor id" "$1" "$UUID_RE"
    call POST "$SYNC_API/$1/retry" ;;
  dlq | cert-dlq)
    sub="${1:-}"; [ $# -gt 0 ] && shift
    parse "$@"
    base=$SYNC_API/dlq; [ "$cmd" = cert-dlq ] && base=$CERT_DLQ
    case "$sub" in
      list) call GET "$base$(query)" ;;
      replay)
        replay_filter_given
        if [ "$cmd" = cert-dlq ]; then
          [ -z "$limit$cursor" ] || { say "ops.sh: cert-dlq replay takes no --limit or --cursor"; exit 2; }
          call POST "$base/replay" "$(body)"
        else
          # one page per call (at most hlf.sync.dlq.max-replay letters); go on with nextCursor until none remain
          while :; do
            report=$(call POST "$base/replay" "$(body)")
            printf '%s\n' "$report"
            cursor=$(field nextCursor <<<"$report")
            [ -n "$cursor" ] || break
          done
        fi ;;
      *) usage ;;
    esac ;;
  reconcile)
    parse "$@"
    run=$(call POST "$SYNC_API/reconcile${chapter:+?chapterId=$chapter}")
    printf '%s\n' "$run"
    if [ -n "$wait" ]; then
      id=$(field runId <<<"$run")
      while [ "$(field state <<<"$run")" = RUNNING ]; do
        sleep 2
        run=$(call GET "$SYNC_API/reconcile/$id")
      done
      printf '%s\n' "$run"
      [ "$(field state <<<"$run")" = DONE ] || { say "ops.sh: reconciliation $id ended $(field state <<<"$run")"; exit 1; }
    fi ;;
  reconcile-status)
    if [ $# -eq 0 ]; then call GET "$SYNC_API/reconcile"; exit; fi
    check "run id" "$1" "$UUID_RE"
    call GET "$SYNC_API/reconcile/$1" ;;
  *) usage ;;
esac
