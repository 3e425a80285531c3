import type { Admin } from 'kafkajs';

export interface PartitionLag {
  partition: number;
  /** The group's committed offset, null when it has committed none. */
  committed: string | null;
  end: string;
  lag: number;
}

export interface GroupLag {
  topic: string;
  groupId: string;
  total: number;
  partitions: PartitionLag[];
}

/**
 * Records of each partition a group has not committed yet: from its committed offset (or, with
 * none, the partition's first offset still held) to the partition's end. Pure: give it
 * `admin.fetchTopicOffsets` and the group's `admin.fetchOffsets` for the topic.
 */
export function partitionLags(
  ends: { partition: number; low: string; high: string }[],
  committed: { partition: number; offset: string }[],
): PartitionLag[] {
  return ends
    .map(({ partition, high, low }) => {
      const offset = committed.find((p) => p.partition === partition)?.offset ?? '-1';
      const position = Number(offset) >= 0 ? Number(offset) : Number(low);
      return {
        partition,
        committed: Number(offset) >= 0 ? offset : null,
        end: high,
        lag: Math.max(0, Number(high) - position),
      };
    })
    .sort((a, b) => a.partition - b.partition);
}

/** How far a consumer group is behind on a topic, per partition and in total. */
export async function consumerGroupLag(admin: Admin, topic: string, groupId: string): Promise<GroupLag> {
  const [ends, [committed]] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.fetchOffsets({ groupId, topics: [topic] }),
  ]);
  const partitions = partitionLags(ends, committed?.partitions ?? []);
  return { topic, groupId, total: partitions.reduce((sum, p) => sum + p.lag, 0), partitions };
}
