import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.schema.js';

export const transientRetryConfig = registerAs('transientRetry', () => {
  const env = validateEnv(process.env);
  return {
    baseMs: env.TRANSIENT_RETRY_BASE_MS,
    maxMs: env.TRANSIENT_RETRY_MAX_MS,
    reportStallAfterMs: env.CONSUMER_STALL_REPORT_AFTER_MS,
  };
});
