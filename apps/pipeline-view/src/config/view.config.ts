import { readFileSync } from 'node:fs';
import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.schema.js';

/** What the page watches and where its controls send requests. */
export const viewConfig = registerAs('view', () => {
  const env = validateEnv(process.env);
  return {
    apiServiceUrl: env.API_SERVICE_URL ?? `http://127.0.0.1:${env.API_SERVICE_PORT}`,
    productConsumerUrl: env.PRODUCT_CONSUMER_URL ?? `http://127.0.0.1:${env.PRODUCT_CONSUMER_PORT}`,
    catalogGroupId: env.CATALOG_GROUP_ID,
    tickMs: env.PIPELINE_VIEW_TICK_MS,
    apiKey:
      env.PIPELINE_VIEW_API_KEY ??
      (env.PIPELINE_VIEW_API_KEY_FILE ? readFileSync(env.PIPELINE_VIEW_API_KEY_FILE, 'utf8').trim() : undefined),
  };
});
