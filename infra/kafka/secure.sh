# Secured mode of infra/kafka/kafka.sh (KAFKA_SECURE=1), sourced by it: clients reach the broker
# only over SASL_SSL with a SCRAM-SHA-512 user, and KRaft's StandardAuthorizer enforces the ACLs
# infra/kafka/secure-setup.mjs creates. Everything secret is generated here, on this machine, under
# $KAFKA_HOME_DIR/secrets (mode 700, files 600): a CA, the broker's keystore, the CA's PEM the
# clients trust, and one password per user.

SECRETS_DIR="$KAFKA_HOME_DIR/secrets"
# admin: super user for setup (topics, ACLs) and the brokers' own SCRAM user between brokers;
# broker: the nodes' PLAIN user on the controller listener (KRaft cannot use SCRAM there: the
# SCRAM credentials live in the metadata log the controllers serve, KIP-554/KAFKA-15513).
SECURE_APP_USERS=(product-producer product-consumer api-service)
SECURE_SUPER_USERS=(admin broker)

secret_file() { echo "$SECRETS_DIR/$1.password"; }
secret() { cat "$(secret_file "$1")"; }

new_secret() {
  local f
  f="$(secret_file "$1")"
  [[ -s "$f" ]] && return 0
  (umask 077 && head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$f")
}

keytool_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/keytool" ]]; then echo "$JAVA_HOME/bin/keytool"; return; fi
  command -v keytool >/dev/null 2>&1 || die "keytool not found (it ships with the JDK Kafka runs on)"
  echo keytool
}

# CA, broker key pair signed by it (valid for localhost, 127.0.0.1 and KAFKA_HOST), truststore, CA PEM.
generate_certificates() {
  local kt pass d="$SECRETS_DIR" san="dns:localhost,ip:127.0.0.1"
  kt="$(keytool_bin)"; pass="$(secret store)"
  # A name (compose's `kafka-secure`, deploy/kafka-secure/) is a dns: entry, an address an ip: one.
  if [[ "$KAFKA_HOST" =~ ^[0-9.]+$ ]]; then
    [[ "$KAFKA_HOST" == 127.0.0.1 ]] || san+=",ip:$KAFKA_HOST"
  elif [[ "$KAFKA_HOST" != localhost ]]; then
    san+=",dns:$KAFKA_HOST"
  fi
  log "generating a local CA and the broker's certificate in $d"
  rm -f "$d"/{ca,broker,truststore}.p12 "$d"/{ca.pem,broker.csr,broker.crt}
  "$kt" -genkeypair -keystore "$d/ca.p12" -storetype PKCS12 -storepass "$pass" -alias ca -dname "CN=nestjs-kafka-sync local CA" \
    -keyalg RSA -keysize 2048 -validity 825 -ext bc:c >/dev/null 2>&1
  "$kt" -exportcert -rfc -keystore "$d/ca.p12" -storepass "$pass" -alias ca -file "$d/ca.pem" >/dev/null 2>&1
  "$kt" -genkeypair -keystore "$d/broker.p12" -storetype PKCS12 -storepass "$pass" -alias broker -dname "CN=localhost" \
    -keyalg RSA -keysize 2048 -validity 825 >/dev/null 2>&1
  "$kt" -certreq -keystore "$d/broker.p12" -storepass "$pass" -alias broker -file "$d/broker.csr" >/dev/null 2>&1
  "$kt" -gencert -keystore "$d/ca.p12" -storepass "$pass" -alias ca -infile "$d/broker.csr" -outfile "$d/broker.crt" -rfc \
    -validity 825 -ext "SAN=$san" -ext KU=digitalSignature,keyEncipherment -ext EKU=serverAuth,clientAuth >/dev/null 2>&1
  "$kt" -importcert -noprompt -keystore "$d/broker.p12" -storepass "$pass" -alias ca -file "$d/ca.pem" >/dev/null 2>&1
  "$kt" -importcert -noprompt -keystore "$d/broker.p12" -storepass "$pass" -alias broker -file "$d/broker.crt" >/dev/null 2>&1
  "$kt" -importcert -noprompt -keystore "$d/truststore.p12" -storetype PKCS12 -storepass "$pass" -alias ca -file "$d/ca.pem" \
    >/dev/null 2>&1
  rm -f "$d/broker.csr" "$d/broker.crt"
  chmod 600 "$d"/*
}

# Passwords and certificates, made once per home dir (they outlive restarts, as the formatted storage does).
secure_material() {
  local u
  (umask 077 && mkdir -p "$SECRETS_DIR")
  chmod 700 "$SECRETS_DIR"
  for u in store "${SECURE_SUPER_USERS[@]}" "${SECURE_APP_USERS[@]}"; do new_secret "$u"; done
  [[ -s "$SECRETS_DIR/broker.p12" && -s "$SECRETS_DIR/truststore.p12" && -s "$SECRETS_DIR/ca.pem" ]] || generate_certificates
  (umask 077 && admin_client_properties >"$SECRETS_DIR/admin.properties")
}

# `kafka-storage format` arguments creating the SCRAM users in the new cluster's metadata.
scram_format_args() {
  local u
  for u in admin "${SECURE_APP_USERS[@]}"; do
    printf '%s\n' --add-scram "SCRAM-SHA-512=[name=$u,password=$(secret "$u")]"
  done
}

scram_jaas() { printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";' "$1" "$(secret "$1")"; }

# The Kafka tools' client settings as admin (readiness probe, warm-up, `kafka.sh topics --command-config`).
admin_client_properties() {
  cat <<EOF
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$(scram_jaas admin)
ssl.truststore.type=PEM
ssl.truststore.location=$SECRETS_DIR/ca.pem
EOF
}

# The listener part of a node's server.properties.
listener_config() {
  local id="$1"
  if [[ "$KAFKA_SECURE" != 1 ]]; then
    cat <<EOF
listeners=PLAINTEXT://${KAFKA_HOST}:$(node_port "$id"),CONTROLLER://${KAFKA_HOST}:$(node_controller_port "$id")
advertised.listeners=PLAINTEXT://${KAFKA_HOST}:$(node_port "$id")
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
EOF
    return
  fi
  local pass broker
  pass="$(secret store)"; broker="$(secret broker)"
  cat <<EOF
listeners=SASL_SSL://${KAFKA_HOST}:$(node_port "$id"),CONTROLLER://${KAFKA_HOST}:$(node_controller_port "$id")
advertised.listeners=SASL_SSL://${KAFKA_HOST}:$(node_port "$id")
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_SSL
listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SASL_SSL
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=$(scram_jaas admin)
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="${broker}" user_broker="${broker}";
ssl.keystore.type=PKCS12
ssl.keystore.location=${SECRETS_DIR}/broker.p12
ssl.keystore.password=${pass}
ssl.key.password=${pass}
ssl.truststore.type=PKCS12
ssl.truststore.location=${SECRETS_DIR}/truststore.p12
ssl.truststore.password=${pass}
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:broker
EOF
}
