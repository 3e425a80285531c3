#!/usr/bin/env bash
# docker-compose.yml, profile `secured`: the entrypoint of the secured broker, in the apache/kafka image.
# The same broker as `KAFKA_SECURE=1 npm run kafka -- start` (SASL_SSL, SCRAM-SHA-512 users, StandardAuthorizer):
# its listener settings and SCRAM users come from infra/kafka/secure.sh itself, mounted read-only at /nks, and
# its passwords and certificates from /secrets, made on the host beforehand by
#   KAFKA_SECURE=1 KAFKA_HOME_DIR=.local/kafka-compose KAFKA_CERT_DNS_NAMES=kafka-secure npm run kafka -- secrets
set -euo pipefail
log() { printf '[kafka-secure] %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}
# The paths are the container's; each can be pointed elsewhere to try this script outside a container.
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
data="${KAFKA_DATA_DIR:-/var/lib/kafka/data}"
KAFKA_SECURE=1 KAFKA_HOST=kafka-secure KAFKA_HOME_DIR=''
node_port() { echo 9094; }
node_controller_port() { echo 9095; }
# shellcheck source=../../infra/kafka/secure.sh
source "${NKS_SECURE_SH:-/nks/secure.sh}"
SECRETS_DIR="${NKS_SECRETS_DIR:-/secrets}"
[[ -s "$SECRETS_DIR/broker.p12" ]] || die "no secrets in $SECRETS_DIR: run the command at the top of this file first"

props="$(mktemp)"
cat >"$props" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@kafka-secure:9095
$(listener_config 1)
log.dirs=${data}
num.partitions=3
auto.create.topics.enable=false
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
if [[ ! -f "$data/meta.properties" ]]; then
  log "formatting storage with the SCRAM users"
  mapfile -t scram < <(scram_format_args)
  "$KAFKA_BIN/kafka-storage.sh" format --cluster-id "${CLUSTER_ID:-U2VjdXJlZEthZmthQ29tcG9zZQ}" --config "$props" "${scram[@]}"
fi
exec "$KAFKA_BIN/kafka-server-start.sh" "$props"
