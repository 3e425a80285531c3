import type { KafkaConfig, SASLOptions } from 'kafkajs';

/**
 * How every client of an app reaches Kafka, from its validated environment. Every kafkajs client,
 * admin, producer and consumer of the project is made from these settings (kafkaClientConfig), so
 * connection security (`ssl`, `sasl`) is added here and nowhere else.
 */
export interface KafkaSettings {
  clientId: string;
  brokers: string[];
  /** TLS and SASL, from the env (kafkaSecurityEnv / kafkaSecurity). */
  security?: KafkaSecurity;
  /** The app's own consumer group, for apps that consume (kafkaConsumerOptions). */
  consumer?: KafkaConsumerSettings;
}

export interface KafkaConsumerSettings {
  groupId: string;
  /** Keep retrying to reach the brokers instead of failing after kafkajs' default few attempts. */
  waitForBrokers?: boolean;
  /** kafkajs' default is 30 s; a crashed instance's partitions wait that long for a new owner. */
  sessionTimeoutMs?: number;
}

/** How a client proves who it is and protects the connection; both unset: PLAINTEXT. */
export interface KafkaSecurity {
  ssl?: KafkaConfig['ssl'];
  /** The password is only ever handed to kafkajs (which never logs it); nothing else reads or logs it. */
  sasl?: SASLOptions;
}
