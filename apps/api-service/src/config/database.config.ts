import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.schema.js';

export const databaseConfig = registerAs('database', () => {
  const env = validateEnv(process.env);
  return { url: env.API_DATABASE_URL, poolSize: env.API_DATABASE_POOL_SIZE };
});
