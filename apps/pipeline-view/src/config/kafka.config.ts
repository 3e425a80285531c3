import { registerAs } from '@nestjs/config';
import type { KafkaSettings } from '@nestjs-kafka-sync/kafka-kit';
import { validateEnv } from './env.schema.js';

export const kafkaConfig = registerAs('kafka', () => {
  const env = validateEnv(process.env);
  return {
    clientId: env.KAFKA_CLIENT_ID,
    brokers: env.KAFKA_BROKERS,
    consumer: { groupId: env.PIPELINE_VIEW_GROUP_ID },
  } satisfies KafkaSettings;
});
