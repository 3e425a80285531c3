import type { ProductEvent } from '@nestjs-kafka-sync/contracts';

/** What the replica already knows of a product: the live row's version and the version it was deleted at. */
export interface KnownVersions {
  rowVersion: number | null;
  tombstoneVersion: number | null;
}

export type ApplyOutcome = 'applied' | 'stale';

/**
 * An event is applied only if it is newer than everything seen for its product, live or deleted.
 * That one rule makes redelivery harmless (same version: stale), keeps reordering from regressing
 * a row (older version: stale) and stops a late update from resurrecting a deleted product.
 */
export function decideApply(event: Pick<ProductEvent, 'version'>, known: KnownVersions): ApplyOutcome {
  const newestKnown = Math.max(known.rowVersion ?? 0, known.tombstoneVersion ?? 0);
  return event.version > newestKnown ? 'applied' : 'stale';
}
