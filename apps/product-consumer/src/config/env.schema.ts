import { httpSecurityEnv } from '@nestjs-kafka-sync/http-kit';
import { envValidator, kafkaBrokers, optionalPostgresUrl, port } from '@nestjs-kafka-sync/service-kit';
import { kafkaSecurityEnv } from '@nestjs-kafka-sync/kafka-kit';
import { telemetryEnv } from '@nestjs-kafka-sync/observability';
import { z } from 'zod';

export const envSchema = z.object({
  /** LOG_LEVEL, LOG_FORMAT, OTEL_EXPORTER_OTLP_*: the same for every app (libs/observability). */
  ...telemetryEnv,
  ...httpSecurityEnv,
  PRODUCT_CONSUMER_PORT: port(3001),
  /**
   * product-consumer's own role (the catalog tables only). Unset: CATALOG_DATABASE_URL, the one URL every
   * app shared before the roles; neither set: its role on the local server (database.config.ts).
   */
  PRODUCT_CONSUMER_DATABASE_URL: optionalPostgresUrl,
  CATALOG_DATABASE_URL: optionalPostgresUrl,
  CATALOG_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(5),
  KAFKA_BROKERS: kafkaBrokers,
  /** KAFKA_SSL, KAFKA_SASL_*: the same for every app (libs/kafka-kit). */
  ...kafkaSecurityEnv,
  KAFKA_CLIENT_ID: z.string().min(1).default('product-consumer'),
  /** Every instance with this group id shares the topic's partitions. */
  KAFKA_GROUP_ID: z.string().min(1).default('product-catalog'),
  /** How long the group waits for a silent instance before giving its partitions to the others. */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).default(30_000),
  /**
   * Records applied in one transaction, acknowledged in one send and committed in one commit. A
   * fetched batch larger than this is split; a smaller one is taken as it comes (no waiting to fill).
   */
  CONSUMER_BATCH_MAX_RECORDS: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Partitions of this instance applied at the same time (kafkajs partitionsConsumedConcurrently). */
  CONSUMER_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(3),
  /** Backoff for a record that fails for a reason that may pass: first wait about this long… */
  TRANSIENT_RETRY_BASE_MS: z.coerce.number().int().min(10).default(200),
  /** …doubling per attempt up to this. */
  TRANSIENT_RETRY_MAX_MS: z.coerce.number().int().min(100).default(30_000),
  /**
   * A step that keeps failing for a reason that may pass (broker or database down) is reported as a
   * stall on /health, /metrics and GET /sync/status after this long; one refused for good at once.
   */
  CONSUMER_STALL_REPORT_AFTER_MS: z.coerce.number().int().min(1000).default(60_000),
});

export type Env = z.infer<typeof envSchema>;
export const validateEnv = envValidator(envSchema);
