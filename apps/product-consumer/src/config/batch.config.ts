import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.schema.js';

/** How the consumer batches: at most `maxRecords` records per transaction, `partitionsConcurrently` partitions at once. */
export const batchConfig = registerAs('batch', () => {
  const env = validateEnv(process.env);
  return { maxRecords: env.CONSUMER_BATCH_MAX_RECORDS, partitionsConcurrently: env.CONSUMER_PARTITIONS_CONCURRENTLY };
});
