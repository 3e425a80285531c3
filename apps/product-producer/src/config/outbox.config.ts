import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.schema.js';

export const outboxConfig = registerAs('outbox', () => {
  const env = validateEnv(process.env);
  return {
    batchSize: env.OUTBOX_BATCH_SIZE,
    maxBatchBytes: env.OUTBOX_MAX_BATCH_BYTES,
    pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
    maxBackoffMs: env.OUTBOX_MAX_BACKOFF_MS,
    retentionHours: env.OUTBOX_RETENTION_HOURS,
    cleanupIntervalMs: env.OUTBOX_CLEANUP_INTERVAL_MS,
  };
});
