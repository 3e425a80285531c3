import { registerAs } from '@nestjs/config';
import { LOCAL_APP_DATABASE_URLS } from '@nestjs-kafka-sync/prisma-offline/local-databases';
import { validateEnv } from './env.schema.js';

export const reconcileConfig = registerAs('reconcile', () => {
  const env = validateEnv(process.env);
  return {
    /** The replica, read only, to compare with the source. */
    catalogDatabaseUrl:
      env.API_SERVICE_CATALOG_DATABASE_URL ??
      env.CATALOG_DATABASE_URL ??
      LOCAL_APP_DATABASE_URLS.apiServiceCatalogReader,
    batchSize: env.RECONCILE_BATCH_SIZE,
    /** Bound on each of its statements (and on getting a connection). */
    statementTimeoutMs: env.RECONCILE_STATEMENT_TIMEOUT_MS,
  };
});
