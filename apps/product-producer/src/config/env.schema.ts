import { describeIssues } from '@nestjs-kafka-sync/contracts';
import { z } from 'zod';

export const envSchema = z.object({
  PRODUCT_PRODUCER_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  /** The relay reads the outbox where api-service commits it: in api-service's own database. */
  API_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgresql://postgres@127.0.0.1:5432/api_service'),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean)),
  KAFKA_CLIENT_ID: z.string().min(1).default('product-producer'),
  /** Fallback when a NOTIFY is missed: a missed wake-up delays a change by at most this long, never loses it. */
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(1000),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Longest wait between retries after Kafka or the database failed. */
  OUTBOX_MAX_BACKOFF_MS: z.coerce.number().int().min(10).default(10_000),
});

export type Env = z.infer<typeof envSchema>;

/** ConfigModule's `validate`: fail at boot, naming every bad variable. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}
