import type { SyncAck } from '@nestjs-kafka-sync/contracts';

/** What a batch of applied/stale acks comes to for one product: one row to upsert. */
export interface FoldedAck {
  productId: string;
  /** The version to record: the highest acknowledged, or, after a reset, the highest since it. */
  version: number;
  /** Whether `version` replaces the stored one even if lower (a repair's reset was among the acks). */
  reset: boolean;
  at: Date;
}

/**
 * Folds a partition's acks (in offset order) into one row per product, exactly as recording them one by one
 * would end: the highest version wins (GREATEST), except that a reset sets the version and only acks after
 * it count. Rejected acks are not folded (SyncStateService records them one by one: they are rare).
 */
export function foldAcks(acks: SyncAck[]): FoldedAck[] {
  const folded = new Map<string, FoldedAck>();
  for (const ack of acks) {
    if (ack.status === 'rejected' || ack.version === null) continue;
    const at = new Date(ack.acknowledgedAt);
    const seen = folded.get(ack.productId);
    if (!seen || ack.reset)
      folded.set(ack.productId, { productId: ack.productId, version: ack.version, reset: ack.reset === true, at });
    else
      folded.set(ack.productId, {
        ...seen,
        version: Math.max(seen.version, ack.version),
        at: at > seen.at ? at : seen.at,
      });
  }
  return [...folded.values()];
}
