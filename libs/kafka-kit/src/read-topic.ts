import type { Kafka, KafkaMessage } from 'kafkajs';

export interface PartitionEnd {
  partition: number;
  low: string;
  high: string;
}

/**
 * Reads a topic from its beginning up to given end offsets (usually `admin.fetchTopicOffsets` taken
 * just before), once each record, through a consumer group of its own that commits nothing.
 * Resolves when every partition has reached its end; newer records are not passed on.
 */
export async function readTopicUpTo(
  kafka: Kafka,
  options: { topic: string; groupId: string; ends: PartitionEnd[] },
  onRecord: (partition: number, message: KafkaMessage) => Promise<void>,
): Promise<void> {
  await readTopicBatchesUpTo(kafka, options, async (partition, messages) => {
    for (const message of messages) await onRecord(partition, message);
  });
}

/**
 * readTopicUpTo, a partition's fetched records at a time (in offset order; never an empty batch).
 * `partitionsConcurrently` (default 1) hands batches of that many partitions to `onBatch` at once; one
 * partition's batches stay in order, one after the other.
 */
export async function readTopicBatchesUpTo(
  kafka: Kafka,
  options: { topic: string; groupId: string; ends: PartitionEnd[]; partitionsConcurrently?: number },
  onBatch: (partition: number, messages: KafkaMessage[]) => Promise<void>,
): Promise<void> {
  const endOf = new Map(options.ends.map((p) => [p.partition, BigInt(p.high)]));
  const toRead = new Set(options.ends.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => p.partition));
  if (toRead.size === 0) return;
  const consumer = kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: options.topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      // kafkajs restarts a consumer after a retriable crash (a broker going away); only a final one ends the read.
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) reject(payload.error);
      });
      void consumer
        .run({
          autoCommit: false,
          partitionsConsumedConcurrently: options.partitionsConcurrently ?? 1,
          eachBatch: async ({ batch, heartbeat }) => {
            const end = endOf.get(batch.partition) ?? 0n;
            const wanted = batch.messages.filter((m) => BigInt(m.offset) < end);
            if (wanted.length > 0) await onBatch(batch.partition, wanted);
            await heartbeat();
            // Done with a partition at its last offset, or at anything past it (should compaction or
            // retention have removed that last record meanwhile).
            const last = batch.messages.at(-1);
            if (last && BigInt(last.offset) + 1n >= end && toRead.delete(batch.partition) && toRead.size === 0)
              resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}
