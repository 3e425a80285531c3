import { httpSecurityEnv } from '@nestjs-kafka-sync/http-kit';
import { LOCAL_DATABASE_URLS } from '@nestjs-kafka-sync/prisma-offline/local-databases';
import { envValidator, kafkaBrokers, port, postgresUrl } from '@nestjs-kafka-sync/service-kit';
import { z } from 'zod';

export const envSchema = z.object({
  ...httpSecurityEnv,
  API_SERVICE_PORT: port(3000),
  API_DATABASE_URL: postgresUrl(LOCAL_DATABASE_URLS.apiService),
  API_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  /** Read only, by the reconciler, to compare the replica with the source. */
  CATALOG_DATABASE_URL: postgresUrl(LOCAL_DATABASE_URLS.productCatalog),
  /** Products fingerprinted per query on each side while reconciling. */
  RECONCILE_BATCH_SIZE: z.coerce.number().int().min(1).default(5000),
  KAFKA_BROKERS: kafkaBrokers,
  KAFKA_CLIENT_ID: z.string().min(1).default('api-service'),
  /** The group api-service consumes product.sync-acks in. */
  SYNC_ACKS_GROUP_ID: z.string().min(1).default('api-service-sync-acks'),
  /** product-consumer's group, whose lag GET /sync/status reports. */
  CATALOG_GROUP_ID: z.string().min(1).default('product-catalog'),
  /** Upper bound for `Prefer: wait-for-sync=<ms>`. */
  WAIT_FOR_SYNC_MAX_MS: z.coerce.number().int().min(0).default(30_000),
});

export type Env = z.infer<typeof envSchema>;
export const validateEnv = envValidator(envSchema);
