import { envValidator, kafkaBrokers, port, postgresUrl } from '@nestjs-kafka-sync/service-kit';
import { z } from 'zod';

export const envSchema = z.object({
  PRODUCT_CONSUMER_PORT: port(3001),
  CATALOG_DATABASE_URL: postgresUrl('postgresql://postgres@127.0.0.1:5432/product_catalog'),
  CATALOG_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(5),
  KAFKA_BROKERS: kafkaBrokers,
  KAFKA_CLIENT_ID: z.string().min(1).default('product-consumer'),
  /** Every instance with this group id shares the topic's partitions. */
  KAFKA_GROUP_ID: z.string().min(1).default('product-catalog'),
});

export type Env = z.infer<typeof envSchema>;
export const validateEnv = envValidator(envSchema);
