import { registerAs } from '@nestjs/config';
import { kafkaSecurity, type KafkaSettings } from '@nestjs-kafka-sync/kafka-kit';
import { validateEnv } from './env.schema.js';

export const kafkaConfig = registerAs('kafka', () => {
  const env = validateEnv(process.env);
  return {
    clientId: env.KAFKA_CLIENT_ID,
    brokers: env.KAFKA_BROKERS,
    security: kafkaSecurity(env),
    consumer: { groupId: env.KAFKA_GROUP_ID, sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS },
  } satisfies KafkaSettings;
});
