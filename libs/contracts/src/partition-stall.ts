import { z } from 'zod';

/** Kafka keeps up to 4096 bytes of metadata with a committed offset (offset.metadata.max.bytes); a reason is cut well inside. */
const MAX_STALL_REASON = 500;

/**
 * product-consumer → whoever reads its group's offsets (api-service's GET /sync/status): a partition
 * whose records in hand have kept failing a step. product-consumer writes it as the metadata of the
 * partition's committed offset, unchanged (Kafka stores it with the group), and the next commit that
 * moves the partition on clears it. `retriable: false`: the step was refused for good (e.g. a dead
 * letter that even cut cannot be stored, a topic it may not write): only an operator helps.
 */
export const partitionStallSchema = z.strictObject({
  stall: z.literal(1),
  /** The records in hand, `topic/partition@first..last`. */
  records: z.string().max(200),
  step: z.string().max(40),
  reason: z.string().max(MAX_STALL_REASON),
  retriable: z.boolean(),
  since: z.iso.datetime(),
});
export type PartitionStall = z.infer<typeof partitionStallSchema>;

/** The offset metadata saying a partition is stalled. */
export function toStallMetadata(stall: Omit<PartitionStall, 'stall'>): string {
  const reason =
    stall.reason.length > MAX_STALL_REASON ? `${stall.reason.slice(0, MAX_STALL_REASON - 1)}…` : stall.reason;
  return JSON.stringify({
    stall: 1,
    ...stall,
    records: stall.records.slice(0, 200),
    step: stall.step.slice(0, 40),
    reason,
  });
}

/** The stall an offset's metadata reports, or null (none, or metadata someone else wrote). */
export function readStallMetadata(metadata: string | null | undefined): PartitionStall | null {
  if (!metadata) return null;
  try {
    const parsed = partitionStallSchema.safeParse(JSON.parse(metadata));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
