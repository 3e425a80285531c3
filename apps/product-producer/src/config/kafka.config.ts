import { registerAs } from '@nestjs/config';
import { kafkaSecurity, type KafkaSettings } from '@nestjs-kafka-sync/kafka-kit';
import { validateEnv } from './env.schema.js';

export const kafkaConfig = registerAs('kafka', (): KafkaSettings => {
  const env = validateEnv(process.env);
  return { clientId: env.KAFKA_CLIENT_ID, brokers: env.KAFKA_BROKERS, security: kafkaSecurity(env) };
});
