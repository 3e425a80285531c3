import { registerAs } from '@nestjs/config';
import { LOCAL_APP_DATABASE_URLS } from '@nestjs-kafka-sync/prisma-offline/local-databases';
import { validateEnv } from './env.schema.js';

export const databaseConfig = registerAs('database', () => {
  const env = validateEnv(process.env);
  return {
    url: env.PRODUCT_CONSUMER_DATABASE_URL ?? env.CATALOG_DATABASE_URL ?? LOCAL_APP_DATABASE_URLS.productConsumer,
    poolSize: env.CATALOG_DATABASE_POOL_SIZE,
    /**
     * No database call may hang longer than a third of the Kafka session timeout: the consumer sends
     * no heartbeat while it waits, and a hung call must fail (and be retried with heartbeats) before
     * the group gives this instance's partitions away.
     */
    callTimeoutMs: Math.floor(env.KAFKA_SESSION_TIMEOUT_MS / 3),
  };
});
