import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.schema.js';

export const databaseConfig = registerAs('database', () => {
  const env = validateEnv(process.env);
  return {
    url: env.API_DATABASE_URL,
    poolSize: env.API_DATABASE_POOL_SIZE,
    /** Bound on getting a connection and on each statement; a write past it answers 503 (nothing written). */
    callTimeoutMs: env.API_DATABASE_CALL_TIMEOUT_MS,
  };
});
