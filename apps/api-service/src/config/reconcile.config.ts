import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.schema.js';

export const reconcileConfig = registerAs('reconcile', () => {
  const env = validateEnv(process.env);
  return {
    /** The replica, read only, to compare with the source. */
    catalogDatabaseUrl: env.CATALOG_DATABASE_URL,
    batchSize: env.RECONCILE_BATCH_SIZE,
    /** Bound on each of its statements (and on getting a connection). */
    statementTimeoutMs: env.RECONCILE_STATEMENT_TIMEOUT_MS,
  };
});
