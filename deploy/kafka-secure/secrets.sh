#!/usr/bin/env bash
# docker-compose.yml, profile `secured`: run once before the secured broker, as root in the apache/kafka image
# (its JRE has keytool). Makes the secured mode's passwords and certificates with infra/kafka/secure.sh's own
# secure_material (mounted read-only at /nks), kept in the volume mounted at /var/lib/nks-secure, then gives
# each client a folder of its own (/clients/<user>: the CA's PEM and that user's password, nothing else), all
# owned by uid 1000: the user the broker (appuser) and the app images (node) run as. Idempotent.
set -euo pipefail
log() { printf '[kafka-secure-secrets] %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}
KAFKA_SECURE=1 KAFKA_HOST=kafka-secure KAFKA_HOME_DIR=/var/lib/nks-secure
# shellcheck source=../../infra/kafka/secure.sh
source "${NKS_SECURE_SH:-/nks/secure.sh}"
secure_material
for user in admin "${SECURE_APP_USERS[@]}"; do
  dir="${NKS_CLIENTS_DIR:-/clients}/$user"
  mkdir -p "$dir"
  cp "$SECRETS_DIR/ca.pem" "$SECRETS_DIR/$user.password" "$dir/"
  chmod 500 "$dir" && chmod 400 "$dir"/*
  chown -R "${NKS_UID:-1000}:${NKS_UID:-1000}" "$dir"
done
chown -R "${NKS_UID:-1000}:${NKS_UID:-1000}" "$SECRETS_DIR"
log "secrets in $SECRETS_DIR; one folder per client in ${NKS_CLIENTS_DIR:-/clients}"
