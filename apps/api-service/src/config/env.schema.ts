import { httpSecurityEnv } from '@nestjs-kafka-sync/http-kit';
import { envValidator, kafkaBrokers, optionalPostgresUrl, port } from '@nestjs-kafka-sync/service-kit';
import { kafkaSecurityEnv } from '@nestjs-kafka-sync/kafka-kit';
import { telemetryEnv } from '@nestjs-kafka-sync/observability';
import { z } from 'zod';

export const envSchema = z.object({
  /** LOG_LEVEL, LOG_FORMAT, OTEL_EXPORTER_OTLP_*: the same for every app (libs/observability). */
  ...telemetryEnv,
  ...httpSecurityEnv,
  API_SERVICE_PORT: port(3000),
  /**
   * api-service's own role (its tables only; npm start and npm test set it). Unset: API_DATABASE_URL, the
   * one URL every app shared before the roles; neither set: its role on the local server (database.config.ts).
   */
  API_SERVICE_DATABASE_URL: optionalPostgresUrl,
  API_DATABASE_URL: optionalPostgresUrl,
  API_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  /** Read only, by the reconciler, to compare the replica with the source: a read-only role (else CATALOG_DATABASE_URL). */
  API_SERVICE_CATALOG_DATABASE_URL: optionalPostgresUrl,
  CATALOG_DATABASE_URL: optionalPostgresUrl,
  /** Products fingerprinted per query on each side while reconciling. */
  RECONCILE_BATCH_SIZE: z.coerce.number().int().min(1).default(5000),
  /**
   * Largest product event (its Kafka record: key, value, headers) a write may produce; a write over it is
   * refused with 413 before anything is written. Keep it under product.events' max.message.bytes (Kafka's
   * default 1,048,588) less product-producer's per-request overhead.
   */
  PRODUCT_EVENT_MAX_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  KAFKA_BROKERS: kafkaBrokers,
  /** KAFKA_SSL, KAFKA_SASL_*: the same for every app (libs/kafka-kit). */
  ...kafkaSecurityEnv,
  KAFKA_CLIENT_ID: z.string().min(1).default('api-service'),
  /** The group api-service consumes product.sync-acks in. */
  SYNC_ACKS_GROUP_ID: z.string().min(1).default('api-service-sync-acks'),
  /** product-consumer's group, whose lag GET /sync/status reports. */
  CATALOG_GROUP_ID: z.string().min(1).default('product-catalog'),
  /** Upper bound for `Prefer: wait-for-sync=<ms>`. */
  WAIT_FOR_SYNC_MAX_MS: z.coerce.number().int().min(0).default(30_000),
  /** How many requests may wait for their sync at once (each holds a socket, not a connection). */
  WAIT_FOR_SYNC_MAX_WAITERS: z.coerce.number().int().min(0).default(1000),
  /** Bound on getting a connection and on each statement of the API (not the reconciliation's scans). */
  API_DATABASE_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Bound on each statement of a reconciliation's scans. */
  RECONCILE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
});

export type Env = z.infer<typeof envSchema>;
export const validateEnv = envValidator(envSchema);
