#!/usr/bin/env bash
# Prints a bearer token (RS256, signed with the local key pair) for the local run.
#   deploy/local/token.sh <coordinator|admin|system|ops> [chapter...]   e.g. token.sh coordinator oslo bergen
# Env: TOKEN_SUB (subject, default <role>-local), TOKEN_TTL (seconds, default 3600).
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
. "$(dirname "$0")/lib.sh"

role="${1:-}"
case "$role" in
  coordinator|admin|system|ops) ;;
  *) say "usage: $0 <coordinator|admin|system|ops> [chapter...]"; exit 2 ;;
esac
shift
ensure_keys

b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
json_array() {
  local out="" c
  for c in "$@"; do out="$out${out:+,}\"$c\""; done
  printf '[%s]' "$out"
}

now=$(date +%s)
ttl="${TOKEN_TTL:-3600}"
sub="${TOKEN_SUB:-$role-local}"
header='{"alg":"RS256","typ":"JWT","kid":"hlf-local"}'
payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","upn":"%s","groups":["%s"],"chapters":%s,"iat":%d,"exp":%d,"jti":"%s"}' \
  "$JWT_ISSUER" "$JWT_AUDIENCE" "$sub" "$sub" "$role" "$(json_array "$@")" "$now" "$((now + ttl))" "$(cat /proc/sys/kernel/random/uuid)")
signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$KEYS/private.pem" -binary | b64url)
printf '%s.%s\n' "$signing_input" "$signature"
