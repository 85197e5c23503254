#!/usr/bin/env bash
# Starts the whole system on this machine, no container engine needed:
# PostgreSQL (started if down), a Kafka broker process, the Dynamics sandbox, pause-service, website-sync-service.
# Builds what is missing, waits for health, prints the URLs. Parts already running are left alone.
# Env: PAUSE_PORT (8081) SYNC_PORT (8082) SANDBOX_PORT (8090) KAFKA_PORT (9092) KAFKA_CONTROLLER_PORT (9093)
#      PG_HOST PG_PORT PG_USER, PAUSE_DB (pause) SYNC_DB (website_sync), HLF_LOCAL_DATA (default .local/ in the repository), REBUILD=1 to rebuild,
#      HLF_PARTS="sandbox pause-service website-sync-service" to start only some of them (benchmarks),
#      PAUSE_JAVA_OPTS, SYNC_JAVA_OPTS: extra JVM options of the services after their own (deploy/local/jvm.sh),
#      e.g. a benchmark's flight recording,
#      HLF_INSTANCE=2 (with PAUSE_PORT and SYNC_PORT of its own) to start a further replica of both services, named
#      pause-service-2 and website-sync-service-2: same databases, same consumer groups, the running broker and sandbox.
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
. "$(dirname "$0")/lib.sh"

SUFFIX="${HLF_INSTANCE:+-$HLF_INSTANCE}"
if [ -n "$SUFFIX" ]; then PARTS=" ${HLF_PARTS:-pause-service website-sync-service} "
else PARTS=" ${HLF_PARTS:-sandbox pause-service website-sync-service} "; fi
wanted() { [[ "$PARTS" == *" $1 "* ]]; }

fail() { say "FAILED: $1"; [ -n "${2:-}" ] && { say "--- last lines of $2:"; tail -n 25 "$2" >&2 || true; say "--- full log: $2"; }; exit 1; }

wait_http() { # name url log
  local name=$1 url=$2 log=$3
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then say "  $name is UP ($url)"; return 0; fi
    running "$name" || fail "$name exited during start-up" "$log"
    sleep 1
  done
  fail "$name did not answer $url within 120 s" "$log"
}

start_java() { # name log port command... (the command's "java" gets the marker that running() looks for)
  local name=$1 log=$2 port=$3 pid arg; shift 3
  if running "$name" && liveness_down "$port"; then
    say "  $name runs but its liveness check is DOWN: restarting it"; stop_part "$name"
  fi
  if running "$name"; then say "  $name already running (pid $(cut -d' ' -f1 "$PIDS/$name.pid"))"; return 1; fi
  port_open "$port" && fail "port $port for $name is taken by another process (set the port variables to move it)"
  local cmd=() marked=""
  for arg in "$@"; do
    cmd+=("$arg")
    if [ "$arg" = java ] && [ -z "$marked" ]; then cmd+=("-Dhlf.local.part=$name"); marked=1; fi
  done
  nohup "${cmd[@]}" >"$log" 2>&1 &
  pid=$!
  echo "$pid $(proc_start "$pid")" >"$PIDS/$name.pid"
  say "  $name starting (pid $pid, log $log)"
}

# 1. PostgreSQL
if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
  say "PostgreSQL is down: starting it"
  ver=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf "%f\n" | sort -V | tail -n 1)
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start || fail "could not start PostgreSQL $ver" "/var/log/postgresql/postgresql-$ver-main.log"
  for _ in $(seq 1 30); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 1; done
  pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || fail "PostgreSQL does not answer on $PG_HOST:$PG_PORT" "/var/log/postgresql/postgresql-$ver-main.log"
fi
for db in "$PAUSE_DB" "$SYNC_DB"; do
  if [ -z "$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname='$db'")" ]; then
    psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "CREATE DATABASE $db" && say "created database $db"
  fi
done
say "PostgreSQL is UP ($PG_HOST:$PG_PORT, databases $PAUSE_DB and $SYNC_DB)"

# 2. Build what is missing
ensure_keys
jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
need_build=${REBUILD:-0}
for m in pause-service website-sync-service dataverse-sandbox; do
  [ -f "$ROOT/$m/pom.xml" ] && [ ! -f "$(jar "$m")" ] && need_build=1
done
if [ "$need_build" = 1 ]; then
  say "building the services (log $LOGS/build.log)"
  (cd "$ROOT" && ./mvnw -B -q install -DskipTests) >"$LOGS/build.log" 2>&1 || fail "the build failed" "$LOGS/build.log"
fi
if [ ! -s "$DATA/kafka/classpath.txt" ]; then
  mkdir -p "$DATA/kafka"
  (cd "$ROOT" && ./mvnw -B -q -f deploy/local/kafka/pom.xml dependency:build-classpath \
     -Dmdep.outputFile="$DATA/kafka/classpath.txt") >"$LOGS/build-kafka.log" 2>&1 \
     || fail "could not resolve the Kafka broker jars" "$LOGS/build-kafka.log"
fi

# 3. Kafka broker (KRaft, one node)
if running kafka; then
  say "  kafka already running (pid $(cut -d' ' -f1 "$PIDS/kafka.pid"))"
else
  cp_kafka=$(cat "$DATA/kafka/classpath.txt")
  sed -e "s#@PORT@#$KAFKA_PORT#g; s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g; s#@DATA@#$DATA/kafka/data#g" \
    "$ROOT/deploy/local/kafka/server.properties" >"$DATA/kafka/server.properties"
  if [ ! -f "$DATA/kafka/data/meta.properties" ]; then
    java -cp "$cp_kafka" kafka.tools.StorageTool format --config "$DATA/kafka/server.properties" \
      --cluster-id "$(java -cp "$cp_kafka" kafka.tools.StorageTool random-uuid 2>/dev/null)" \
      >"$LOGS/kafka-format.log" 2>&1 || fail "formatting Kafka storage failed" "$LOGS/kafka-format.log"
  fi
  start_java kafka "$LOGS/kafka.log" "$KAFKA_PORT" java -Xmx512m -cp "$cp_kafka" kafka.Kafka "$DATA/kafka/server.properties" || true
fi
for _ in $(seq 1 60); do port_open "$KAFKA_PORT" && break; running kafka || fail "Kafka exited during start-up" "$LOGS/kafka.log"; sleep 1; done
port_open "$KAFKA_PORT" || fail "Kafka does not listen on $KAFKA_PORT" "$LOGS/kafka.log"
# The broker does not create topics on first use (auto.create.topics.enable=false, as in production): create the
# system's topics that are missing, the names of shared-events' Topics.java (org.hlf.mentor.events.Topics), with the
# broker's num.partitions.
cp_kafka=$(cat "$DATA/kafka/classpath.txt")
topics() { java -cp "$cp_kafka" org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" "$@" 2>>"$LOGS/kafka-topics.log"; }
existing=$(topics --list) || fail "could not list the Kafka topics" "$LOGS/kafka-topics.log"
for topic in mentor-status-changed coordinator-notifications certification-events certification-events-dlq website-sync-dlq mentor-commitments mentor-commitments-dlq; do
  grep -qx "$topic" <<<"$existing" && continue
  topics --create --if-not-exists --topic "$topic" --replication-factor 1 >>"$LOGS/kafka-topics.log" \
    || fail "could not create Kafka topic $topic" "$LOGS/kafka-topics.log"
  say "  created Kafka topic $topic"
done
say "Kafka is UP (127.0.0.1:$KAFKA_PORT)"

# 4. Dynamics sandbox, then the services
# extra JVM options, e.g. a flight recording for a benchmark's profile (bench/pause-transitions.sh PROFILE=1)
read -ra pause_java_opts <<<"${PAUSE_JAVA_OPTS:-}"
read -ra sync_java_opts <<<"${SYNC_JAVA_OPTS:-}"
common_env=(env "${SERVICE_ENV[@]}" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" DB_HOST="$PG_HOST" DB_PORT="$PG_PORT" DB_USER="$PG_USER"
  JWT_PUBLIC_KEY_LOCATION="file:$KEYS/public.pem" JWT_ISSUER="$JWT_ISSUER" JWT_AUDIENCE="$JWT_AUDIENCE")
if wanted sandbox; then
  start_java sandbox "$LOGS/sandbox.log" "$SANDBOX_PORT" java -Xmx512m -Dquarkus.http.port="$SANDBOX_PORT" \
    -jar "$(jar dataverse-sandbox)" || true
fi
if wanted pause-service; then
  start_java "pause-service$SUFFIX" "$LOGS/pause-service$SUFFIX.log" "$PAUSE_PORT" "${common_env[@]}" PAUSE_HTTP_PORT="$PAUSE_PORT" \
    DB_NAME="$PAUSE_DB" java "${SERVICE_JAVA_OPTS[@]}" "${pause_java_opts[@]}" -jar "$(jar pause-service)" || true
fi
if wanted website-sync-service; then
  start_java "website-sync-service$SUFFIX" "$LOGS/website-sync-service$SUFFIX.log" "$SYNC_PORT" "${common_env[@]}" \
    SYNC_HTTP_PORT="$SYNC_PORT" DB_NAME="$SYNC_DB" DATAVERSE_URL="http://127.0.0.1:$SANDBOX_PORT" \
    DATAVERSE_TOKEN_URL="http://127.0.0.1:$SANDBOX_PORT/hlf-local/oauth2/v2.0/token" \
    DATAVERSE_CLIENT_ID=website-sync DATAVERSE_CLIENT_SECRET="${DATAVERSE_CLIENT_SECRET:-local-dev-secret}" \
    PAUSE_SERVICE_URL="http://127.0.0.1:$PAUSE_PORT" ROSTER_AUTH=signed JWT_PRIVATE_KEY_LOCATION="file:$KEYS/private.pem" \
    java "${SERVICE_JAVA_OPTS[@]}" "${sync_java_opts[@]}" -jar "$(jar website-sync-service)" || true
fi

if wanted sandbox; then wait_http sandbox "http://127.0.0.1:$SANDBOX_PORT/q/health/ready" "$LOGS/sandbox.log"; fi
if wanted pause-service; then
  wait_http "pause-service$SUFFIX" "http://127.0.0.1:$PAUSE_PORT/q/health" "$LOGS/pause-service$SUFFIX.log"
fi
if wanted website-sync-service; then
  wait_http "website-sync-service$SUFFIX" "http://127.0.0.1:$SYNC_PORT/q/health" "$LOGS/website-sync-service$SUFFIX.log"
fi

# 5. The demo roster, one file for both: pause-service registers the mentors (first start only), the sandbox gets
# their contacts whenever it starts empty (it keeps them in memory). Contacts arrive hidden: the reconciliation below
# shows those pause-service knows as ACTIVE, so a sandbox restart never shows a paused mentor, not even briefly.
roster="$ROOT/deploy/local/demo-roster.csv"
if wanted sandbox; then
  curl -fsS -o /dev/null -X POST "http://127.0.0.1:$SANDBOX_PORT/sandbox/clients" -H 'Content-Type: application/json' \
    -d "{\"clientId\":\"website-sync\",\"clientSecret\":\"${DATAVERSE_CLIENT_SECRET:-local-dev-secret}\"}" \
    || say "note: the sandbox refused the website-sync client; see $LOGS/sandbox.log"
  if curl -fsS "http://127.0.0.1:$SANDBOX_PORT/q/health/ready" | grep -Eq '"contacts" *: *0([^0-9]|$)'; then
    contacts=$(tail -n +2 "$roster" | awk -F, 'NF==4 {printf "%s{\"mentorId\":\"%s\",\"chapterId\":\"%s\",\"name\":\"%s\",\"visible\":false}", (n++?",":""), $1, $2, $4}')
    curl -fsS -o /dev/null -X POST "http://127.0.0.1:$SANDBOX_PORT/sandbox/contacts" -H 'Content-Type: application/json' \
      -d "[$contacts]" && say "seeded the sandbox with the demo roster (hidden until reconciled)"
  fi
fi
if wanted pause-service && [ ! -f "$DATA/roster-imported" ]; then
  body=$(tail -n +2 "$roster" | awk -F, 'NF==4 {printf "%s{\"mentorId\":\"%s\",\"chapterId\":\"%s\",\"certificationValidUntil\":\"%s\"}", (n++?",":""), $1, $2, $3}')
  if curl -fsS -o /dev/null -X POST "http://127.0.0.1:$PAUSE_PORT/api/v1/mentors/import" \
       -H "Authorization: Bearer $("$ROOT/deploy/local/token.sh" system)" -H 'Content-Type: application/json' -d "[$body]"; then
    touch "$DATA/roster-imported"; say "registered the demo roster in pause-service"
  else
    say "note: the demo roster was not registered in pause-service; see $LOGS/pause-service.log"
  fi
fi

# A reconciliation (pause-service's roster vs website-sync's state vs the portal) shows the freshly seeded contacts of
# ACTIVE mentors and repairs any drift. It runs in the background; up.sh does not wait for it.
if wanted sandbox && wanted website-sync-service; then
  if location=$(curl -fsS -m 10 -D - -o /dev/null -X POST "http://127.0.0.1:$SYNC_PORT/api/v1/website-sync/reconcile" \
       -H "Authorization: Bearer $("$ROOT/deploy/local/token.sh" ops)" | tr -d '\r' | awk 'tolower($1)=="location:" {print $2}'); then
    say "reconciliation started: $location"
  else
    say "note: no reconciliation started (one may be running already); see $LOGS/website-sync-service.log"
  fi
fi

cat >&2 <<MSG

HLF mentor status system is running (data and logs in $DATA):
  pause-service          http://127.0.0.1:$PAUSE_PORT   (Swagger UI: /q/swagger-ui, health: /q/health, metrics: /q/metrics)
  website-sync-service   http://127.0.0.1:$SYNC_PORT   (Swagger UI: /q/swagger-ui, health: /q/health)
  Dynamics sandbox       http://127.0.0.1:$SANDBOX_PORT   (public listing: /public)
  Kafka                  127.0.0.1:$KAFKA_PORT
  PostgreSQL             $PG_HOST:$PG_PORT (databases $PAUSE_DB, $SYNC_DB)
A token:   TOKEN=\$(deploy/local/token.sh coordinator oslo)   then   curl -H "Authorization: Bearer \$TOKEN" ...
Stop:      deploy/local/down.sh        (data kept; --reset removes $DATA)
MSG
