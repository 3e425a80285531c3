#!/usr/bin/env bash
# Local, Docker-free Apache Kafka (KRaft mode) fetched from Maven Central.
# See infra/kafka/README.md. Usage: infra/kafka/kafka.sh <command> [args...]
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

KAFKA_VERSION="${KAFKA_VERSION:-4.3.1}"
KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-$REPO_ROOT/.local/kafka}"
# A relative KAFKA_HOME_DIR is the repository's (as infra/env.mjs means it), made absolute: a node is recognised by
# the config path on its command line, so the same cluster must give the same path however it was named.
[[ "$KAFKA_HOME_DIR" == /* ]] || KAFKA_HOME_DIR="$REPO_ROOT/$KAFKA_HOME_DIR"
KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_JVM_OPTS="${KAFKA_JVM_OPTS:-}"
# 1: SASL_SSL with SCRAM-SHA-512 users and ACLs (infra/kafka/secure.sh; the `secure` profile of infra/env.mjs).
KAFKA_SECURE="${KAFKA_SECURE:-0}"

LIBS_DIR="${KAFKA_LIBS_DIR:-$REPO_ROOT/.local/kafka/libs}" # shared by every broker home (dev, test)
VERSION_MARKER="$LIBS_DIR/.kafka-version"
CLUSTER_ID_FILE="$KAFKA_HOME_DIR/cluster.id"
TOOLS_DIR="$KAFKA_HOME_DIR/tools"

# Node ids making up the cluster: KAFKA_NODES combined broker+controller nodes (default one).
# Everything below is per node id.
KAFKA_NODES="${KAFKA_NODES:-1}"
[[ "$KAFKA_NODES" =~ ^[1-9]$ ]] || { printf '[kafka.sh] ERROR: KAFKA_NODES must be 1-9, got %s\n' "$KAFKA_NODES" >&2; exit 1; }
NODE_IDS=()
for ((i = 1; i <= KAFKA_NODES; i++)); do NODE_IDS+=("$i"); done
unset i
# Replication factor and min.insync.replicas of the brokers' defaults and internal topics, set by
# replication_settings when a node's config is written.
REPLICATION_FACTOR=""
MIN_INSYNC_REPLICAS=""

# shellcheck source=secure.sh
source "$SCRIPT_DIR/secure.sh"

log() { printf '[kafka.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- per-node layout
# A single node uses KAFKA_HOME_DIR itself (.local/kafka/{data,logs,server.properties,kafka.pid});
# with several, node N lives in $KAFKA_HOME_DIR/node-N/ and its ports are offset by 100*(N-1).
node_home() { if ((KAFKA_NODES == 1)); then echo "$KAFKA_HOME_DIR"; else echo "$KAFKA_HOME_DIR/node-$1"; fi; }
node_data_dir() { echo "$(node_home "$1")/data"; }
node_logs_dir() { echo "$(node_home "$1")/logs"; }
node_props() { echo "$(node_home "$1")/server.properties"; }
node_log4j() { echo "$(node_home "$1")/log4j2.properties"; }
node_pid_file() { echo "$(node_home "$1")/kafka.pid"; }
node_port() { echo $((KAFKA_PORT + 100 * ($1 - 1))); }
node_controller_port() { echo $((KAFKA_CONTROLLER_PORT + 100 * ($1 - 1))); }

quorum_voters() {
  local id out=""
  for id in "${NODE_IDS[@]}"; do out+="${out:+,}${id}@${KAFKA_HOST}:$(node_controller_port "$id")"; done
  echo "$out"
}
bootstrap_servers() {
  local id out=""
  for id in "${NODE_IDS[@]}"; do out+="${out:+,}${KAFKA_HOST}:$(node_port "$id")"; done
  echo "$out"
}

# ---------------------------------------------------------------- helpers
java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then echo "$JAVA_HOME/bin/java"; return; fi
  command -v java >/dev/null 2>&1 || die "java not found (Kafka 4.x needs Java 17+)"
  echo java
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# Pid of the broker we started for node $1 (empty if none / stale pid file).
node_pid() {
  local pf pid cmdline
  pf="$(node_pid_file "$1")"
  [[ -f "$pf" ]] || return 0
  pid="$(<"$pf")"
  pid_alive "$pid" || return 0
  # Guard against pid reuse: it must be a kafka.Kafka JVM on our own config file.
  cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" || true)"
  if [[ "$cmdline" == *"kafka.Kafka $(node_props "$1")"* ]]; then echo "$pid"; fi
}

tail_logs() {
  local dir f
  dir="$(node_logs_dir "$1")"
  for f in "$dir/kafka.out" "$dir/server.log"; do
    [[ -s "$f" ]] || continue
    # Skip a log left over from an earlier run (e.g. the JVM died before log4j started).
    [[ ! -e "$dir/.last-start" || "$f" -nt "$dir/.last-start" ]] || continue
    log "---- last lines of $f ----"
    tail -n "${2:-40}" "$f" >&2
  done
}

# Cluster id: base64url of 16 random bytes (what `kafka-storage random-uuid` prints).
cluster_id() {
  if [[ ! -s "$CLUSTER_ID_FILE" ]]; then
    local id
    mkdir -p "$KAFKA_HOME_DIR"
    while :; do
      id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
      [[ "$id" != -* ]] && break   # Kafka never hands out ids starting with '-'
    done
    echo "$id" >"$CLUSTER_ID_FILE"
  fi
  cat "$CLUSTER_ID_FILE"
}

# ---------------------------------------------------------------- fetch
libs_ready() { [[ -f "$VERSION_MARKER" && "$(<"$VERSION_MARKER")" == "$KAFKA_VERSION" ]]; }

cmd_fetch() {
  if libs_ready; then
    log "Kafka $KAFKA_VERSION jars already in $LIBS_DIR"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found; it is needed once to fetch Kafka from Maven Central"
  local id
  for id in "${NODE_IDS[@]}"; do
    [[ -z "$(node_pid "$id")" ]] || die "broker node $id is running; run '$0 stop' before switching to Kafka $KAFKA_VERSION"
  done
  log "fetching Kafka $KAFKA_VERSION from Maven Central into $LIBS_DIR ..."
  # Fetched beside its final place (which any profile may be first to need), then renamed in one step.
  mkdir -p "$(dirname "$LIBS_DIR")"
  local tmp="$LIBS_DIR.tmp.$$"
  rm -rf "$tmp"
  if ! mvn -B -q -Dstyle.color=never -f "$SCRIPT_DIR/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
      dependency:copy-dependencies -DoutputDirectory="$tmp" -DincludeScope=runtime 2>&1 |
      sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d' >&2; then
    rm -rf "$tmp"
    die "maven could not fetch Kafka $KAFKA_VERSION"
  fi
  compgen -G "$tmp/kafka_2.13-*.jar" >/dev/null || { rm -rf "$tmp"; die "fetch produced no kafka_2.13 jar"; }
  echo "$KAFKA_VERSION" >"$tmp/.kafka-version"
  rm -rf "$LIBS_DIR"
  mv "$tmp" "$LIBS_DIR"
  log "fetched $(find "$LIBS_DIR" -name '*.jar' | wc -l) jars"
}

# ---------------------------------------------------------------- tools
write_tools_config() {
  mkdir -p "$TOOLS_DIR"
  cat >"$TOOLS_DIR/log4j2.properties" <<'EOF'
status = warn
appender.stderr.type = Console
appender.stderr.name = STDERR
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.stderr.ref = STDERR
EOF
  # Used by the readiness probe so a half-started broker fails fast instead of hanging.
  cat >"$TOOLS_DIR/probe.properties" <<'EOF'
request.timeout.ms=3000
default.api.timeout.ms=5000
socket.connection.setup.timeout.ms=2000
socket.connection.setup.timeout.max.ms=2000
EOF
  printf 'default.api.timeout.ms=30000\n' >"$TOOLS_DIR/warmup.properties"
  if [[ "$KAFKA_SECURE" == 1 ]]; then
    admin_client_properties >>"$TOOLS_DIR/probe.properties"
    admin_client_properties >>"$TOOLS_DIR/warmup.properties"
    chmod 600 "$TOOLS_DIR/probe.properties" "$TOOLS_DIR/warmup.properties"
  fi
}

# run_tool <main-class> [args...]  (short-lived JVM tuned for fast startup)
run_tool() {
  local cls="$1"; shift
  libs_ready || cmd_fetch
  [[ -f "$TOOLS_DIR/log4j2.properties" ]] || write_tools_config
  # shellcheck disable=SC2086
  "$(java_bin)" -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto \
    -Djava.awt.headless=true -Dlog4j2.configurationFile="$TOOLS_DIR/log4j2.properties" \
    ${KAFKA_TOOLS_JVM_OPTS:-} -cp "$LIBS_DIR/*" "$cls" "$@"
}

# Adds --bootstrap-server unless the caller passed one.
run_client_tool() {
  local cls="$1"; shift
  local a
  for a in "$@"; do
    if [[ "$a" == --bootstrap-server || "$a" == --bootstrap-server=* ]]; then run_tool "$cls" "$@"; return; fi
  done
  run_tool "$cls" --bootstrap-server "$(bootstrap_servers)" "$@"
}

# ---------------------------------------------------------------- start
# The rule has one home, replicationFor in libs/contracts (infra/topics.mjs applies it to the
# project's topics): ask it, through node, for KAFKA_NODES brokers.
replication_settings() {
  [[ -z "$REPLICATION_FACTOR" ]] || return 0
  local out
  command -v node >/dev/null 2>&1 || die "node not found (the replication rule lives in libs/contracts)"
  out="$(node "$SCRIPT_DIR/replication.mjs" "$KAFKA_NODES" 2>&1)" ||
    die "infra/kafka/replication.mjs failed (is libs/contracts built? npx nx run contracts:build): $out"
  read -r REPLICATION_FACTOR MIN_INSYNC_REPLICAS <<<"$out"
  [[ "$REPLICATION_FACTOR" =~ ^[1-9]$ && "$MIN_INSYNC_REPLICAS" =~ ^[1-9]$ ]] ||
    die "infra/kafka/replication.mjs answered '$out', expected '<factor> <min.insync.replicas>'"
}

write_node_config() {
  local id="$1" home data logs
  home="$(node_home "$id")"; data="$(node_data_dir "$id")"; logs="$(node_logs_dir "$id")"
  mkdir -p "$home" "$data" "$logs"
  replication_settings
  cat >"$(node_props "$id")" <<EOF
# Generated by infra/kafka/kafka.sh on every start; edits are overwritten.
process.roles=broker,controller
node.id=${id}
controller.quorum.voters=$(quorum_voters)
$(listener_config "$id")
log.dirs=${data}

num.partitions=3
auto.create.topics.enable=false
delete.topic.enable=true
default.replication.factor=${REPLICATION_FACTOR}
min.insync.replicas=${MIN_INSYNC_REPLICAS}
offsets.topic.replication.factor=${REPLICATION_FACTOR}
transaction.state.log.replication.factor=${REPLICATION_FACTOR}
transaction.state.log.min.isr=${MIN_INSYNC_REPLICAS}
share.coordinator.state.topic.replication.factor=${REPLICATION_FACTOR}
share.coordinator.state.topic.min.isr=${MIN_INSYNC_REPLICAS}
group.initial.rebalance.delay.ms=0

num.network.threads=2
num.io.threads=4
log.retention.hours=168
log.segment.bytes=1073741824
EOF
  # server.log is rolled on every JVM start (server.log.1..3 keep earlier runs), so its tail is
  # always about the current run. No log4j shutdown hook: it only produces a spurious WARN
  # when Kafka logs during shutdown, and the file appender flushes every line anyway.
  cat >"$(node_log4j "$id")" <<EOF
status = warn
shutdownHook = disable
appender.server.type = RollingFile
appender.server.name = SERVER
appender.server.fileName = ${logs}/server.log
appender.server.filePattern = ${logs}/server.log.%i
appender.server.layout.type = PatternLayout
appender.server.layout.pattern = [%d] %p %m (%c)%n
appender.server.policies.type = Policies
appender.server.policies.size.type = SizeBasedTriggeringPolicy
appender.server.policies.size.size = 50MB
appender.server.policies.startup.type = OnStartupTriggeringPolicy
appender.server.strategy.type = DefaultRolloverStrategy
appender.server.strategy.max = 3
rootLogger.level = INFO
rootLogger.appenderRef.server.ref = SERVER
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.netclient.name = org.apache.kafka.clients.NetworkClient
logger.netclient.level = WARN
EOF
  [[ "$KAFKA_SECURE" != 1 ]] || chmod 600 "$(node_props "$id")" # it holds the keystore and broker passwords
}

FRESH_NODES=()
format_node() {
  local id="$1"
  if [[ -f "$(node_data_dir "$id")/meta.properties" ]]; then return 0; fi
  FRESH_NODES+=("$id")
  local out
  out="$(node_logs_dir "$id")/storage-format.log"
  log "formatting storage for node $id (cluster id $(cluster_id))"
  local scram=()
  if [[ "$KAFKA_SECURE" == 1 ]]; then mapfile -t scram < <(scram_format_args); fi
  if ! run_tool kafka.tools.StorageTool format --cluster-id "$(cluster_id)" --config "$(node_props "$id")" "${scram[@]}" >"$out" 2>&1; then
    cat "$out" >&2
    die "kafka-storage format failed for node $id"
  fi
}

launch_node() {
  local id="$1" logs pid
  logs="$(node_logs_dir "$id")"
  [[ -s "$logs/kafka.out" ]] && mv -f "$logs/kafka.out" "$logs/kafka.out.1"
  touch "$logs/.last-start"
  # shellcheck disable=SC2086
  ( cd "$(node_home "$id")" && exec setsid "$(java_bin)" $KAFKA_HEAP_OPTS \
      -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
      -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 \
      "-Xlog:gc*:file=$logs/gc.log:time,tags:filecount=3,filesize=10M" \
      -Djava.awt.headless=true -Dkafka.logs.dir="$logs" \
      -Dlog4j2.configurationFile="$(node_log4j "$id")" \
      $KAFKA_JVM_OPTS \
      -cp "$LIBS_DIR/*" kafka.Kafka "$(node_props "$id")" \
      </dev/null >>"$logs/kafka.out" 2>&1 ) &
  pid=$!
  echo "$pid" >"$(node_pid_file "$id")"
  log "started node $id (pid $pid), logs in $logs"
}

# Ready = our JVM is alive, the listener accepts connections and a metadata request
# (kafka-topics --list) succeeds against it.
wait_node_ready() {
  local id="$1" port pid deadline probe_out
  port="$(node_port "$id")"
  probe_out="$(node_logs_dir "$id")/readiness-probe.out"
  rm -f "$probe_out"
  pid="$(<"$(node_pid_file "$id")")"
  deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! pid_alive "$pid"; then
      tail_logs "$id"
      rm -f "$(node_pid_file "$id")"
      die "broker node $id (pid $pid) exited during startup"
    fi
    if port_open "$KAFKA_HOST" "$port" && grep -qs "Kafka Server started" "$(node_logs_dir "$id")/server.log" &&
      run_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_HOST:$port" \
        --command-config "$TOOLS_DIR/probe.properties" --list >"$probe_out" 2>&1; then
      rm -f "$probe_out"
      return 0
    fi
    sleep 0.25
  done
  tail_logs "$id"
  if [[ -s "$probe_out" ]]; then
    log "---- last readiness probe (kafka-topics --list) output ----"
    tail -n 20 "$probe_out" >&2
  fi
  log "broker node $id not ready after ${KAFKA_START_TIMEOUT}s; stopping it (raise KAFKA_START_TIMEOUT if the machine is just slow)"
  stop_node "$id"
  die "broker node $id did not become ready"
}

# On a freshly formatted cluster the first group operation creates __consumer_offsets (50
# partitions) and clients get COORDINATOR_LOAD_IN_PROGRESS meanwhile; kafkajs reacts with a
# consumer "Crash ... Restarting". Trigger that once here so the first real consumer joins cleanly.
warm_up() {
  log "first start on fresh storage: creating __consumer_offsets"
  run_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$(bootstrap_servers)" \
    --command-config "$TOOLS_DIR/warmup.properties" --describe --group kafka-sh-warmup >/dev/null 2>&1 || true
}

# start_nodes ID... : starts those of the given nodes that are not running and waits until each is ready.
start_nodes() {
  local id pid port started=()
  for id in "$@"; do
    pid="$(node_pid "$id")"
    if [[ -n "$pid" ]]; then
      log "broker node $id already running (pid $pid) on $KAFKA_HOST:$(node_port "$id")"
      continue
    fi
    rm -f "$(node_pid_file "$id")"
    for port in "$(node_port "$id")" "$(node_controller_port "$id")"; do
      if port_open "$KAFKA_HOST" "$port"; then
        local who=""
        command -v ss >/dev/null 2>&1 && who="$(ss -Hltnp "sport = :$port" 2>/dev/null | head -n1 || true)"
        die "port $port on $KAFKA_HOST is already in use by a process this script did not start${who:+: $who}. Stop it or set KAFKA_PORT / KAFKA_CONTROLLER_PORT."
      fi
    done
    started+=("$id")
  done
  ((${#started[@]})) || return 0

  cmd_fetch
  [[ "$KAFKA_SECURE" != 1 ]] || secure_material
  write_tools_config
  for id in "${started[@]}"; do write_node_config "$id"; format_node "$id"; done
  for id in "${started[@]}"; do launch_node "$id"; done
  for id in "${started[@]}"; do wait_node_ready "$id"; done
  if ((${#FRESH_NODES[@]})) && [[ "${KAFKA_WARMUP:-1}" == 1 ]]; then warm_up; fi
}

cmd_start() {
  start_nodes "${NODE_IDS[@]}"
  if [[ "$KAFKA_SECURE" == 1 ]]; then
    log "secured mode: creating the project's topics and the users' ACLs (as admin)"
    KAFKA_BROKERS="$(bootstrap_servers)" KAFKA_SECRETS_DIR="$SECRETS_DIR" node "$SCRIPT_DIR/secure-setup.mjs" ||
      die "infra/kafka/secure-setup.mjs failed (are libs/contracts and libs/kafka-kit built?)"
  fi
  log "Kafka $KAFKA_VERSION ready on $(bootstrap_servers)"
}

# The node id argument of stop-node / start-node, checked against this cluster's nodes.
node_arg() {
  [[ $# == 1 && "$1" =~ ^[1-9]$ ]] && (($1 <= KAFKA_NODES)) || die "expected one node id between 1 and $KAFKA_NODES (KAFKA_NODES=$KAFKA_NODES), got: ${*:-nothing}"
  echo "$1"
}

# One node of a running cluster: the others keep serving (with KAFKA_NODES=3, topics stay writable).
cmd_start_node() {
  local id
  id="$(node_arg "$@")"
  [[ -f "$(node_data_dir "$id")/meta.properties" ]] || die "node $id has no formatted storage; run '$0 start' for the whole cluster first"
  start_nodes "$id"
  log "node $id ready on $KAFKA_HOST:$(node_port "$id")"
}

# ---------------------------------------------------------------- stop / status / reset
# stop_node ID [SIGNAL]: SIGTERM (default) is a controlled shutdown; SIGKILL simulates a crash.
stop_node() {
  local id="$1" signal="${2:-TERM}" pid pf deadline
  pf="$(node_pid_file "$id")"
  pid="$(node_pid "$id")"
  if [[ -z "$pid" ]]; then
    [[ -f "$pf" ]] && { log "removing stale pid file $pf"; rm -f "$pf"; }
    log "broker node $id not running"
    return 0
  fi
  log "stopping broker node $id (pid $pid, SIG$signal)"
  kill "-$signal" "$pid" 2>/dev/null || true
  deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
  while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  if pid_alive "$pid"; then
    log "node $id did not stop within ${KAFKA_STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while pid_alive "$pid"; do sleep 0.1; done
  fi
  rm -f "$pf"
  log "broker node $id stopped"
}

# Several nodes get SIGTERM together: one after the other, the last would wait for a controller
# quorum that is gone (its controlled shutdown never completes) until KAFKA_STOP_TIMEOUT.
cmd_stop() {
  local id pids=() rc=0
  if ((${#NODE_IDS[@]} == 1)); then stop_node 1; return; fi
  for id in "${NODE_IDS[@]}"; do stop_node "$id" & pids+=($!); done
  for id in "${pids[@]}"; do wait "$id" || rc=$?; done
  return "$rc"
}

cmd_stop_node() {
  local signal=TERM
  if [[ "${1:-}" == --kill ]]; then signal=KILL; shift; elif [[ "${2:-}" == --kill ]]; then signal=KILL; set -- "$1"; fi
  local id
  id="$(node_arg "$@")"
  stop_node "$id" "$signal"
}

cmd_status() {
  local id pid rc=0
  for id in "${NODE_IDS[@]}"; do
    pid="$(node_pid "$id")"
    if [[ -n "$pid" ]]; then
      echo "kafka node $id: running (pid $pid, $KAFKA_HOST:$(node_port "$id"), controller :$(node_controller_port "$id"), version $(cat "$VERSION_MARKER" 2>/dev/null || echo '?'))"
    else
      echo "kafka node $id: not running ($KAFKA_HOST:$(node_port "$id"), data in $(node_data_dir "$id"))"
      rc=3
    fi
  done
  return "$rc"
}

cmd_reset() {
  cmd_stop
  local id
  for id in "${NODE_IDS[@]}"; do
    rm -rf "$(node_data_dir "$id")"
    log "deleted $(node_data_dir "$id")"
  done
}

usage() {
  cat <<EOF
Usage: $0 <command> [args...]

  fetch              download Kafka \$KAFKA_VERSION ($KAFKA_VERSION) jars into $LIBS_DIR (once)
  start              fetch if needed, format storage if needed, start every node, wait until each is ready
  stop               stop the nodes this script started (SIGTERM, SIGKILL after ${KAFKA_STOP_TIMEOUT}s)
  status             print running / not running per node (exit 3 when any is not running)
  reset              stop, then delete every node's data directory
  stop-node N [--kill]  stop node N only (controlled shutdown; --kill: SIGKILL, like a crash)
  start-node N       start node N again (storage must exist) and wait until it is ready
  topics ...         org.apache.kafka.tools.TopicCommand (kafka-topics) with --bootstrap-server preset
  console-consume ...  org.apache.kafka.tools.consumer.ConsoleConsumer (kafka-console-consumer)
  console-produce ...  org.apache.kafka.tools.ConsoleProducer (kafka-console-producer)
  consumer-groups ...  org.apache.kafka.tools.consumer.group.ConsumerGroupCommand (kafka-consumer-groups)
  tool CLASS ...     run any Kafka main class on the fetched classpath

Env: KAFKA_NODES (1; with N>1 node i uses ports +100*(i-1) and \$KAFKA_HOME_DIR/node-i;
       replication from libs/contracts' replicationFor, via node: RF min(N,3), min ISR 2 at RF 3),
     KAFKA_REPLICATION_FACTOR (overrides the factor, as for infra/topics.mjs),
     KAFKA_VERSION ($KAFKA_VERSION), KAFKA_HOST (127.0.0.1), KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_HOME_DIR (<repo>/.local/kafka),
     KAFKA_START_TIMEOUT (60), KAFKA_STOP_TIMEOUT (30), KAFKA_HEAP_OPTS, KAFKA_JVM_OPTS,
     KAFKA_WARMUP (1; 0 skips creating __consumer_offsets on the first start after a format),
     KAFKA_SECURE (0; 1: SASL_SSL + SCRAM-SHA-512 + ACLs, certificates and passwords under \$KAFKA_HOME_DIR/secrets,
       admin client settings for the Kafka tools in \$KAFKA_HOME_DIR/secrets/admin.properties (--command-config))
EOF
}

main() {
  local cmd="${1:-}"
  (($#)) && shift
  case "$cmd" in
    fetch) cmd_fetch ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    reset) cmd_reset ;;
    stop-node) cmd_stop_node "$@" ;;
    start-node) cmd_start_node "$@" ;;
    topics) run_client_tool org.apache.kafka.tools.TopicCommand "$@" ;;
    console-consume) run_client_tool org.apache.kafka.tools.consumer.ConsoleConsumer "$@" ;;
    console-produce) run_client_tool org.apache.kafka.tools.ConsoleProducer "$@" ;;
    consumer-groups) run_client_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand "$@" ;;
    tool) (($#)) || die "usage: $0 tool <main-class> [args...]"; run_tool "$@" ;;
    -h | --help | help | "") usage ;;
    *) usage >&2; die "unknown command: $cmd" ;;
  esac
}

main "$@"
