// How a client reaches the secured local broker as one of its users: the env every Kafka client of
// the project takes (libs/kafka-kit's kafkaSecurityEnv), pointing at the files kafka.sh generated.
import { join } from 'node:path';

/**
 * @param {string} secretsDir $KAFKA_HOME_DIR/secrets of the secure profile
 * @param {string} user a SCRAM user: admin, product-producer, product-consumer, api-service
 */
export function secureClientEnv(secretsDir, user) {
  return {
    KAFKA_SSL: 'true',
    KAFKA_SSL_CA_FILE: join(secretsDir, 'ca.pem'),
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: user,
    KAFKA_SASL_PASSWORD_FILE: join(secretsDir, `${user}.password`),
  };
}
