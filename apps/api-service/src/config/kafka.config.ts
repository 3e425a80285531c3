import { registerAs } from '@nestjs/config';
import { kafkaSecurity, type KafkaSettings } from '@nestjs-kafka-sync/kafka-kit';
import { validateEnv } from './env.schema.js';

export const kafkaConfig = registerAs('kafka', () => {
  const env = validateEnv(process.env);
  return {
    clientId: env.KAFKA_CLIENT_ID,
    brokers: env.KAFKA_BROKERS,
    security: kafkaSecurity(env),
    // The API serves while Kafka is unreachable; the ack consumer joins once it is.
    consumer: { groupId: env.SYNC_ACKS_GROUP_ID, waitForBrokers: true },
  } satisfies KafkaSettings;
});
