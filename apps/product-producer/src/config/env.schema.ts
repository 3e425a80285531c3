import { envValidator, kafkaBrokers, optionalPostgresUrl, port } from '@nestjs-kafka-sync/service-kit';
import { kafkaSecurityEnv } from '@nestjs-kafka-sync/kafka-kit';
import { telemetryEnv } from '@nestjs-kafka-sync/observability';
import { z } from 'zod';

export const envSchema = z.object({
  /** LOG_LEVEL, LOG_FORMAT, OTEL_EXPORTER_OTLP_*: the same for every app (libs/observability). */
  ...telemetryEnv,
  PRODUCT_PRODUCER_PORT: port(3002),
  /**
   * The relay reads the outbox where api-service commits it: in api-service's own database, as its own
   * role (outbox_events only). Unset: API_DATABASE_URL; neither set: its role on the local server.
   */
  PRODUCT_PRODUCER_DATABASE_URL: optionalPostgresUrl,
  API_DATABASE_URL: optionalPostgresUrl,
  KAFKA_BROKERS: kafkaBrokers,
  /** KAFKA_SSL, KAFKA_SASL_*: the same for every app (libs/kafka-kit). */
  ...kafkaSecurityEnv,
  KAFKA_CLIENT_ID: z.string().min(1).default('product-producer'),
  /** Fallback when a NOTIFY is missed: a missed wake-up delays a change by at most this long, never loses it. */
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(1000),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /**
   * Cap on one partition's record batch per request, in bytes. The relay reads product.events'
   * max.message.bytes from the cluster and sends at most the smaller of the two (unset: the topic's).
   */
  OUTBOX_MAX_BATCH_BYTES: z.coerce.number().int().min(4096).optional(),
  /** Longest wait between retries after Kafka or the database failed. */
  OUTBOX_MAX_BACKOFF_MS: z.coerce.number().int().min(10).default(10_000),
  /** Published rows are kept this long (for audits and debugging), then deleted. Unpublished rows are never deleted. */
  OUTBOX_RETENTION_HOURS: z.coerce
    .number()
    .min(0)
    .default(7 * 24),
  /** How often the clean-up runs. */
  OUTBOX_CLEANUP_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(10 * 60 * 1000),
});

export type Env = z.infer<typeof envSchema>;
export const validateEnv = envValidator(envSchema);
