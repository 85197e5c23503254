# Shared by the bench/*.sh scripts. Sourced, not run. Everything listens on loopback on non-default ports and is
# stopped on exit; nothing outside $WORK is touched except the benchmark's own PostgreSQL database.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${BENCH_WORK:-/tmp/hlf-bench}"
KAFKA_PORT="${BENCH_KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-19093}"
SANDBOX_PORT="${BENCH_SANDBOX_PORT:-18090}"
SYNC_PORT="${BENCH_SYNC_PORT:-18082}"
PAUSE_PORT="${BENCH_PAUSE_PORT:-18081}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
SECRET=bench-secret
PIDS=()
# cpu_of pid, cpu_postgres
. "$ROOT/bench/lib/cpu.sh"
# the services' JVM options as deployed: SERVICE_JAVA_OPTS, SERVICE_ENV
. "$ROOT/deploy/local/jvm.sh"

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_ms() { date +%s%3N; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

require_free() {
  local p
  for p in "$@"; do port_open "$p" && { say "port $p is in use: set BENCH_*_PORT"; exit 1; }; done
  return 0
}

build() {
  mkdir -p "$WORK/logs"
  if [ ! -f "$ROOT/website-sync-service/target/quarkus-app/quarkus-run.jar" ] || [ ! -f "$ROOT/dataverse-sandbox/target/quarkus-app/quarkus-run.jar" ]; then
    say "building website-sync-service and the sandbox"
    (cd "$ROOT" && ./mvnw -B -q install -DskipTests -pl shared-events,website-sync-service,dataverse-sandbox) >"$WORK/logs/build.log" 2>&1
  fi
  if [ ! -s "$WORK/kafka-classpath.txt" ]; then
    (cd "$ROOT" && ./mvnw -B -q -f deploy/local/kafka/pom.xml dependency:build-classpath \
       -Dmdep.outputFile="$WORK/kafka-classpath.txt") >"$WORK/logs/build-kafka.log" 2>&1
  fi
  KAFKA_CP=$(cat "$WORK/kafka-classpath.txt")
}

start_kafka() {
  rm -rf "$WORK/kafka"; mkdir -p "$WORK/kafka"
  sed -e "s#@PORT@#$KAFKA_PORT#g; s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g; s#@DATA@#$WORK/kafka/data#g" \
    "$ROOT/deploy/local/kafka/server.properties" >"$WORK/kafka/server.properties"
  echo "num.partitions=3" >>"$WORK/kafka/server.properties"
  java -cp "$KAFKA_CP" kafka.tools.StorageTool format --config "$WORK/kafka/server.properties" \
    --cluster-id "$(java -cp "$KAFKA_CP" kafka.tools.StorageTool random-uuid 2>/dev/null)" >"$WORK/logs/kafka-format.log" 2>&1
  java -Xmx1g -cp "$KAFKA_CP" kafka.Kafka "$WORK/kafka/server.properties" >"$WORK/logs/kafka.log" 2>&1 &
  KAFKA_PID=$!
  PIDS+=("$KAFKA_PID")
  for _ in $(seq 1 60); do port_open "$KAFKA_PORT" && break; sleep 1; done
  port_open "$KAFKA_PORT" || { say "Kafka did not start"; exit 1; }
  # no topic is created on first use (as in production): every topic of shared-events' Topics.ALL
  local topic
  for topic in mentor-status-changed coordinator-notifications certification-events certification-events-dlq website-sync-dlq mentor-commitments mentor-commitments-dlq; do
    java -cp "$KAFKA_CP" org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --create \
      --if-not-exists --topic "$topic" --partitions 3 --replication-factor 1 >/dev/null 2>&1
  done
  say "Kafka on 127.0.0.1:$KAFKA_PORT"
}

# start_sandbox [extra -D options...]
start_sandbox() {
  java -Xmx1g -Dquarkus.http.port="$SANDBOX_PORT" "$@" -jar "$ROOT/dataverse-sandbox/target/quarkus-app/quarkus-run.jar" \
    >"$WORK/logs/sandbox.log" 2>&1 &
  SANDBOX_PID=$!
  PIDS+=("$SANDBOX_PID")
  wait_http "http://127.0.0.1:$SANDBOX_PORT/q/health/ready" sandbox
  curl -fsS -o /dev/null -X POST "http://127.0.0.1:$SANDBOX_PORT/sandbox/clients" -H 'Content-Type: application/json' \
    -d "{\"clientId\":\"website-sync\",\"clientSecret\":\"$SECRET\"}"
}

seed_contacts() { # prefix count chapter
  java -cp "$KAFKA_CP" "$ROOT/bench/lib/BenchEvents.java" contacts "$1" "$2" "$3" "$WORK/contacts-$1.json"
  curl -fsS -o /dev/null -X POST "http://127.0.0.1:$SANDBOX_PORT/sandbox/contacts" -H 'Content-Type: application/json' \
    --data-binary @"$WORK/contacts-$1.json"
}

produce() { # prefix count chapter status version
  java -cp "$KAFKA_CP" "$ROOT/bench/lib/BenchEvents.java" events "127.0.0.1:$KAFKA_PORT" "$@"
}

fresh_db() { # name
  psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
}

sql() { # db query
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$1" -Atc "$2"
}

# start_sync db [extra env...]   (SYNC_JAVA_OPTS: further JVM options after the deployed ones)
start_sync() {
  local db=$1; shift
  # shellcheck disable=SC2086 # SYNC_JAVA_OPTS holds several options
  env "${SERVICE_ENV[@]}" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" DB_HOST="$PG_HOST" DB_PORT="$PG_PORT" DB_USER="$PG_USER" DB_NAME="$db" \
    SYNC_HTTP_PORT="$SYNC_PORT" JWT_PUBLIC_KEY_LOCATION="file:$ROOT/test-support/src/main/resources/jwt/test-public.pem" \
    DATAVERSE_URL="http://127.0.0.1:$SANDBOX_PORT" DATAVERSE_TOKEN_URL="http://127.0.0.1:$SANDBOX_PORT/bench/oauth2/v2.0/token" \
    DATAVERSE_CLIENT_SECRET="$SECRET" "$@" \
    java "${SERVICE_JAVA_OPTS[@]}" ${SYNC_JAVA_OPTS:-} -jar "$ROOT/website-sync-service/target/quarkus-app/quarkus-run.jar" >"$WORK/logs/sync-$db.log" 2>&1 &
  SYNC_PID=$!
  PIDS+=("$SYNC_PID")
}

stop_sync() {
  kill "$SYNC_PID" 2>/dev/null || true
  wait "$SYNC_PID" 2>/dev/null || true
}

wait_http() { # url name
  for _ in $(seq 1 120); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 1; done
  say "$2 did not answer $1"; exit 1
}

dlq_count() { # records on website-sync-dlq (0 while the topic does not exist)
  { java -cp "$KAFKA_CP" org.apache.kafka.tools.GetOffsetShell --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
      --topic website-sync-dlq 2>/dev/null || true; } | awk -F: '{s+=$3} END {print s+0}'
}
