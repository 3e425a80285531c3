import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.schema.js';

export const syncConfig = registerAs('sync', () => {
  const env = validateEnv(process.env);
  return {
    /** product-consumer's group, whose lag GET /sync/status reports. */
    catalogGroupId: env.CATALOG_GROUP_ID,
    /** Upper bound for `Prefer: wait-for-sync=<ms>`. */
    waitForSyncMaxMs: env.WAIT_FOR_SYNC_MAX_MS,
    /** How many `Prefer: wait-for-sync` requests may wait at once; beyond, 503 before anything is written. */
    maxWaiters: env.WAIT_FOR_SYNC_MAX_WAITERS,
  };
});
