import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.schema.js';

/** api-service's database, where the outbox is. */
export const databaseConfig = registerAs('database', () => ({ url: validateEnv(process.env).API_DATABASE_URL }));
