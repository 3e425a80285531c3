import type { ProductEvent } from '@nestjs-kafka-sync/contracts';

/** What the replica already knows of a product: the live row's version and the version it was deleted at. */
export interface KnownVersions {
  rowVersion: number | null;
  tombstoneVersion: number | null;
}

export type ApplyOutcome = 'applied' | 'stale';

/** The newest version the replica knows of a product, live or deleted; null when it knows nothing. */
export function newestKnown(known: KnownVersions): number | null {
  const newest = Math.max(known.rowVersion ?? 0, known.tombstoneVersion ?? 0);
  return newest > 0 ? newest : null;
}

/**
 * An event is applied only if it is newer than everything seen for its product, live or deleted.
 * That one rule makes redelivery harmless (same version: stale), keeps reordering from regressing
 * a row (older version: stale) and stops a late update from resurrecting a deleted product.
 *
 * A repair (`product.resynced`) is the one exception, a compare-and-set: it is applied, even below
 * the replica's version, when the replica still holds exactly the version the repair replaces (a
 * forged or runaway version the source never wrote). If the replica has moved since, it is an
 * ordinary event under the rule above, so a replay or a redelivery ends where the first run did.
 */
export function decideApply(event: Pick<ProductEvent, 'version' | 'resync'>, known: KnownVersions): ApplyOutcome {
  const newest = newestKnown(known);
  if (event.resync && event.resync.replacesVersion === newest) return 'applied';
  return event.version > (newest ?? 0) ? 'applied' : 'stale';
}
