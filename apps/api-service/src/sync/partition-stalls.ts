import { readStallMetadata, type PartitionStall } from '@nestjs-kafka-sync/contracts';
import type { Admin } from 'kafkajs';

/** A partition product-consumer reports stalled, and why (see PartitionStall). */
export type ReportedStall = Omit<PartitionStall, 'stall'> & { partition: number };

/**
 * The partitions of `topic` whose committed offset carries a stall, as product-consumer's
 * StallSignal writes it: the group's offsets are the one place every consumer instance reports to
 * and api-service already reads (for the lag), so no address of any instance is needed here.
 */
export async function reportedStalls(admin: Admin, topic: string, groupId: string): Promise<ReportedStall[]> {
  const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return (offsets?.partitions ?? []).flatMap(({ partition, metadata }) => {
    const stall = readStallMetadata(metadata);
    if (!stall) return [];
    const { stall: _version, ...rest } = stall;
    return [{ partition, ...rest }];
  });
}
