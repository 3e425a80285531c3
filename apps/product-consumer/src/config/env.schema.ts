import { describeIssues } from '@nestjs-kafka-sync/contracts';
import { z } from 'zod';

export const envSchema = z.object({
  PRODUCT_CONSUMER_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  CATALOG_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgresql://postgres@127.0.0.1:5432/product_catalog'),
  CATALOG_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(5),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean)),
  KAFKA_CLIENT_ID: z.string().min(1).default('product-consumer'),
  /** Every instance with this group id shares the topic's partitions. */
  KAFKA_GROUP_ID: z.string().min(1).default('product-catalog'),
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
