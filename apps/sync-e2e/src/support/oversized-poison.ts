import { DEAD_LETTER_TOPIC, PRODUCT_EVENTS_TOPIC, type DeadLetter } from '@nestjs-kafka-sync/contracts';
import { randomUUID } from 'node:crypto';
import { call } from './api.js';
import { e2eEnv } from './env.js';
import { eventually } from './eventually.js';
import { deadLettersSince, produceRaw, topicEnds, withAdmin } from './kafka.js';
import { validEvent } from './raw-events.js';

/** What /sync/status says of a stalled partition (see StalledPartitionResponse). */
export interface ReportedStall {
  partition: number;
  records: string;
  step: string;
  reason: string;
  retriable: boolean;
}

/** A poison record of `bytes` bytes (not JSON) on one partition of product.events, keyed by a fresh product id. */
export async function producePoison(partition: number, bytes: number) {
  const dlqFrom = await topicEnds(DEAD_LETTER_TOPIC);
  const poison = { key: randomUUID(), value: `not json ${'x'.repeat(bytes - 9)}` };
  const [at] = await produceRaw([{ partition, ...poison }]);
  return { dlqFrom, poison, at };
}

/** A valid product.created of a new product, on that partition: it applies only once the partition moves on. */
export async function produceValid(partition: number): Promise<string> {
  const valid = validEvent();
  await produceRaw([{ partition, key: valid.productId, value: JSON.stringify(valid) }]);
  return valid.productId;
}

/** The test consumer group's committed offset of a product.events partition. */
export async function committedOffset(partition: number): Promise<string | undefined> {
  const [offsets] = await withAdmin((admin) =>
    admin.fetchOffsets({ groupId: e2eEnv.consumerGroupId, topics: [PRODUCT_EVENTS_TOPIC] }),
  );
  return offsets.partitions.find((p) => p.partition === partition)?.offset;
}

/** The dead letter of the record with `key`, once it is on the dead-letter topic. */
export function deadLetterOf(key: string, since: Map<number, bigint>, timeoutMs = 30_000): Promise<DeadLetter> {
  return eventually(
    async () => {
      const found = (await deadLettersSince(since)).find((letter) => letter.original.key === key);
      if (!found) throw new Error(`no dead letter for ${key} yet`);
      return found;
    },
    { timeoutMs },
  );
}

/** product-consumer's GET /health: its status code and the Terminus body. */
export async function consumerHealth(): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${e2eEnv.consumerUrl}/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** api-service's GET /sync/status `stalledPartitions`. */
export async function stalledPartitions(): Promise<ReportedStall[] | null> {
  return (await call<{ stalledPartitions: ReportedStall[] | null }>('GET', '/sync/status')).body.stalledPartitions;
}
