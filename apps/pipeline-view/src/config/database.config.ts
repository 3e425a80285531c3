import { registerAs } from '@nestjs/config';
import { LOCAL_APP_DATABASE_URLS } from '@nestjs-kafka-sync/prisma-offline/local-databases';
import { validateEnv } from './env.schema.js';

/** The two databases the page shows side by side, both read only. */
export const databaseConfig = registerAs('database', () => {
  const env = validateEnv(process.env);
  return {
    sourceUrl: env.PIPELINE_VIEW_API_DATABASE_URL ?? env.API_DATABASE_URL ?? LOCAL_APP_DATABASE_URLS.pipelineViewApi,
    replicaUrl:
      env.PIPELINE_VIEW_CATALOG_DATABASE_URL ?? env.CATALOG_DATABASE_URL ?? LOCAL_APP_DATABASE_URLS.pipelineViewCatalog,
  };
});
