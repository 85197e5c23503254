#!/usr/bin/env bash
# Stops every process deploy/local/up.sh started (PostgreSQL is the machine's and stays up).
#   deploy/local/down.sh            stop, keep data (Kafka log, keys, logs) in .local/
#   deploy/local/down.sh --reset    stop and remove .local/ (the databases pause and website_sync are dropped too)
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
. "$(dirname "$0")/lib.sh"

# services first, so they do not log a vanished broker
for name in website-sync-service pause-service sandbox kafka; do stop_part "$name"; done

if [ "${1:-}" = "--reset" ]; then
  for db in "$PAUSE_DB" "$SYNC_DB"; do
    psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null || true
  done
  rm -rf "$DATA"
  say "removed $DATA and the local databases"
fi
