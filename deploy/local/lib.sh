# shellcheck shell=bash
# Shared by up.sh, down.sh and token.sh. Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/local/jvm.sh
. "$ROOT/deploy/local/jvm.sh"
DATA="${HLF_LOCAL_DATA:-$ROOT/.local}"
LOGS="$DATA/logs"
PIDS="$DATA/pids"
KEYS="$DATA/keys"

PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
SANDBOX_PORT="${SANDBOX_PORT:-8090}"
PAUSE_PORT="${PAUSE_PORT:-8081}"
SYNC_PORT="${SYNC_PORT:-8082}"
PAUSE_DB="${PAUSE_DB:-pause}"
SYNC_DB="${SYNC_DB:-website_sync}"

JWT_ISSUER="${JWT_ISSUER:-https://auth.hlf.local}"
JWT_AUDIENCE="${JWT_AUDIENCE:-hlf-mentor-status}"

mkdir -p "$LOGS" "$PIDS" "$KEYS"

say() { printf '%s\n' "$*" >&2; }

# The RS256 key pair the local services trust; made once, kept until a reset.
ensure_keys() {
  if [ ! -s "$KEYS/private.pem" ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/private.pem" 2>/dev/null
    openssl pkey -in "$KEYS/private.pem" -pubout -out "$KEYS/public.pem"
    say "created the local JWT key pair in $KEYS"
  fi
}

# A pid file holds "<pid> <start time>" of the process up.sh started (the start time in clock ticks since boot, field
# 22 of /proc/<pid>/stat). A part runs when that pid is alive, is not a zombie, started at that very time (so a pid
# the kernel reused does not count) and carries our marker -Dhlf.local.part=<name> on its command line (so a
# process that is not ours does not count either). kill -0 alone says yes to all three.
proc_start() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $20}'; }

alive() { # pid start-time name
  local pid=$1 start=$2 name=$3 state
  state=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $1}') || return 1
  case "$state" in "" | Z | X | x) return 1 ;; esac
  [ "$(proc_start "$pid")" = "$start" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "-Dhlf.local.part=$name "
}

running() { # name
  local pidfile="$PIDS/$1.pid" pid="" start=""
  [ -s "$pidfile" ] || return 1
  read -r pid start <"$pidfile" || true
  [ -n "$pid" ] && [ -n "$start" ] && alive "$pid" "$start" "$1"
}

# A Quarkus part that answers its liveness check with 503 (a stopped Kafka channel, say) is as good as dead: what a
# Kubernetes liveness probe would restart, up.sh restarts. No answer yet (still starting) is not DOWN.
liveness_down() { # port
  [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$1/q/health/live" 2>/dev/null)" = 503 ]
}

stop_part() { # name: TERM, up to 30 s, then KILL
  local name=$1 pidfile="$PIDS/$1.pid" pid
  if running "$name"; then
    pid=$(cut -d' ' -f1 "$pidfile")
    kill "$pid"
    for _ in $(seq 1 30); do running "$name" || break; sleep 1; done
    running "$name" && kill -9 "$pid"
    say "stopped $name (pid $pid)"
  fi
  rm -f "$pidfile"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
