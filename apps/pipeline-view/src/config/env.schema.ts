import { envValidator, kafkaBrokers, optionalPostgresUrl, port } from '@nestjs-kafka-sync/service-kit';
import { telemetryEnv } from '@nestjs-kafka-sync/observability';
import { z } from 'zod';

export const envSchema = z.object({
  /** LOG_LEVEL, LOG_FORMAT, OTEL_EXPORTER_OTLP_*: the same for every app (libs/observability). */
  ...telemetryEnv,
  PIPELINE_VIEW_PORT: port(3003),
  /** The page has controls that write and pause: by default only this machine can open it. */
  PIPELINE_VIEW_HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Both databases are only read: as read-only roles, and every transaction is READ ONLY besides.
   * Unset: API_DATABASE_URL / CATALOG_DATABASE_URL; neither set: the reader roles on the local server.
   */
  PIPELINE_VIEW_API_DATABASE_URL: optionalPostgresUrl,
  PIPELINE_VIEW_CATALOG_DATABASE_URL: optionalPostgresUrl,
  API_DATABASE_URL: optionalPostgresUrl,
  CATALOG_DATABASE_URL: optionalPostgresUrl,
  /** Where the controls send their requests: api-service's REST API and product-consumer's control endpoints. */
  API_SERVICE_URL: z.url().optional(),
  API_SERVICE_PORT: port(3000),
  PRODUCT_CONSUMER_URL: z.url().optional(),
  PRODUCT_CONSUMER_PORT: port(3001),
  KAFKA_BROKERS: kafkaBrokers,
  KAFKA_CLIENT_ID: z.string().min(1).default('pipeline-view'),
  /** The view's own consumer group: it gets every event too, whatever product-consumer's group does (fan-out). */
  PIPELINE_VIEW_GROUP_ID: z.string().min(1).default('pipeline-view'),
  /** product-consumer's group, whose committed offsets and lag the page shows. */
  CATALOG_GROUP_ID: z.string().min(1).default('product-catalog'),
  /** How often the page's figures (backlog, offsets, lag, counts) are pushed. */
  /** The key its controls send to the other apps (products:write and admin), or a file holding it (npm start's dev key). */
  PIPELINE_VIEW_API_KEY: z.string().min(1).optional(),
  PIPELINE_VIEW_API_KEY_FILE: z.string().min(1).optional(),
  PIPELINE_VIEW_TICK_MS: z.coerce.number().int().min(100).default(1000),
});

export type Env = z.infer<typeof envSchema>;
export const validateEnv = envValidator(envSchema);
