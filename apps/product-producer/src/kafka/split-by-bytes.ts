import { BATCH_OVERHEAD_BYTES } from './record-bytes.js';

export interface SizedRecord<T> {
  item: T;
  partition: number;
  bytes: number;
}

export interface ByteSplit<T> {
  /** Requests to send in this order, each for one partition and within the limit; a partition's items keep their order. */
  chunks: { partition: number; items: T[] }[];
  /** Items that exceed the limit even alone: no request can carry them. */
  oversized: SizedRecord<T>[];
}

/**
 * Splits records into per-partition requests whose record batch stays within `maxBatchBytes`.
 * kafkajs does not split a send by size: one partition's records go out as one batch, and a batch over
 * the topic's max.message.bytes is refused whole (MESSAGE_TOO_LARGE, not retriable), so the same rows
 * would be retried forever. Partitions come in the order they first appear.
 */
export function splitByBytes<T>(records: SizedRecord<T>[], maxBatchBytes: number): ByteSplit<T> {
  const room = maxBatchBytes - BATCH_OVERHEAD_BYTES;
  const byPartition = new Map<number, { partition: number; items: T[]; bytes: number }[]>();
  const oversized: SizedRecord<T>[] = [];
  for (const record of records) {
    if (record.bytes > room) {
      oversized.push(record);
      continue;
    }
    const chunks = byPartition.get(record.partition) ?? [];
    const last = chunks.at(-1);
    if (last && last.bytes + record.bytes <= room) {
      last.items.push(record.item);
      last.bytes += record.bytes;
    } else chunks.push({ partition: record.partition, items: [record.item], bytes: record.bytes });
    byPartition.set(record.partition, chunks);
  }
  const chunks = [...byPartition.values()].flat().map(({ partition, items }) => ({ partition, items }));
  return { chunks, oversized };
}
