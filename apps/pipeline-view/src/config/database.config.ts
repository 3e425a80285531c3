import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.schema.js';

/** The two databases the page shows side by side, both read only. */
export const databaseConfig = registerAs('database', () => {
  const env = validateEnv(process.env);
  return { sourceUrl: env.API_DATABASE_URL, replicaUrl: env.CATALOG_DATABASE_URL };
});
