import type { GroupLag } from '@nestjs-kafka-sync/kafka-kit';

/** One partition of product.events as the page shows it: where it ends, and where each group is. */
export interface PartitionRow {
  partition: number;
  /** The offset the next record will get (the log end, "high watermark"). */
  end: string;
  /** product-consumer's group: committed offset (null: none yet) and records not yet applied. */
  catalog: { committed: string | null; lag: number };
  /** The view's own group: the same records, read independently (fan-out). */
  view: { committed: string | null; lag: number };
}

/** The two groups' lag on one topic, side by side per partition. */
export function partitionRows(catalog: GroupLag, view: GroupLag): PartitionRow[] {
  return catalog.partitions.map(({ partition, end, committed, lag }) => {
    const mine = view.partitions.find((p) => p.partition === partition);
    return {
      partition,
      end,
      catalog: { committed, lag },
      view: { committed: mine?.committed ?? null, lag: mine?.lag ?? 0 },
    };
  });
}
