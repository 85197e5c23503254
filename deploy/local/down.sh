#!/usr/bin/env bash
# Stops every process deploy/local/up.sh started (PostgreSQL is the machine's and stays up).
#   deploy/local/down.sh            stop, keep data (Kafka log, keys, logs) in .local/
#   deploy/local/down.sh --reset    stop and remove .local/ (the databases pause and website_sync are dropped too)
#   HLF_INSTANCE=2 deploy/local/down.sh   stop only that further replica of the services (up.sh's HLF_INSTANCE)
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
. "$(dirname "$0")/lib.sh"

if [ -n "${HLF_INSTANCE:-}" ]; then
  for name in "website-sync-service-$HLF_INSTANCE" "pause-service-$HLF_INSTANCE"; do stop_part "$name"; done
  exit 0
fi
# services first (every replica), so they do not log a vanished broker
replicas=$(find "$PIDS" -maxdepth 1 \( -name 'website-sync-service-*.pid' -o -name 'pause-service-*.pid' \) -printf '%f\n' | sed 's/\.pid$//')
for name in $replicas website-sync-service pause-service sandbox kafka; do stop_part "$name"; done

if [ "${1:-}" = "--reset" ]; then
  for db in "$PAUSE_DB" "$SYNC_DB"; do
    psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null || true
  done
  rm -rf "$DATA"
  say "removed $DATA and the local databases"
fi
