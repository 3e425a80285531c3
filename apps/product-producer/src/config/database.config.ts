import { registerAs } from '@nestjs/config';
import { LOCAL_APP_DATABASE_URLS } from '@nestjs-kafka-sync/prisma-offline/local-databases';
import { validateEnv } from './env.schema.js';

/** api-service's database, where the outbox is, as the relay's own role. */
export const databaseConfig = registerAs('database', () => {
  const env = validateEnv(process.env);
  return { url: env.PRODUCT_PRODUCER_DATABASE_URL ?? env.API_DATABASE_URL ?? LOCAL_APP_DATABASE_URLS.productProducer };
});
