import { registerAs } from '@nestjs/config';
import { LOCAL_APP_DATABASE_URLS } from '@nestjs-kafka-sync/prisma-offline/local-databases';
import { validateEnv } from './env.schema.js';

export const databaseConfig = registerAs('database', () => {
  const env = validateEnv(process.env);
  return {
    url: env.API_SERVICE_DATABASE_URL ?? env.API_DATABASE_URL ?? LOCAL_APP_DATABASE_URLS.apiService,
    poolSize: env.API_DATABASE_POOL_SIZE,
    /** Bound on getting a connection and on each statement; a write past it answers 503 (nothing written). */
    callTimeoutMs: env.API_DATABASE_CALL_TIMEOUT_MS,
  };
});
