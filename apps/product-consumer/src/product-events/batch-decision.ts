import { isDeletion, type ProductEvent } from '@nestjs-kafka-sync/contracts';
import { decideApply, type ApplyOutcome, type KnownVersions } from './apply-decision.js';

/** What one batch does: an outcome per event (in batch order), and the set-based writes that realise it. */
export interface BatchDecision {
  outcomes: ApplyOutcome[];
  /** Products a repair (`product.resynced`) applied to: row and tombstone are cleared before the writes below. */
  resets: string[];
  /** Products whose newest applied event is a create or update: that state is upserted. */
  upserts: ProductEvent[];
  /** Products whose newest applied event is a delete: the row goes. */
  deletes: ProductEvent[];
  /** Each product's newest applied delete, even if a newer update followed it in the batch: its tombstone. */
  tombstones: ProductEvent[];
}

/**
 * Decides a batch exactly as applying its events one by one, in order, would: each event is
 * compared with what the replica knew before the batch plus what the batch's earlier events
 * applied, so duplicates and reorders inside the batch are stale as they would be across batches.
 * Only each product's newest applied state needs writing; the end state equals per-record apply's.
 * An applied repair starts its product afresh: what the replica held, and what the batch's earlier
 * events wrote, is forgotten (`resets`), so the writes after it meet no version they must outrank.
 */
export function decideBatch(events: readonly ProductEvent[], known: ReadonlyMap<string, KnownVersions>): BatchDecision {
  const seen = new Map<string, KnownVersions>();
  const newest = new Map<string, ProductEvent>();
  const tombstones = new Map<string, ProductEvent>();
  const resets = new Set<string>();
  const outcomes = events.map((event) => {
    const id = event.productId;
    const before = seen.get(id) ?? known.get(id) ?? { rowVersion: null, tombstoneVersion: null };
    const outcome = decideApply(event, before);
    if (outcome === 'applied') {
      const deleted = isDeletion(event);
      const base = event.resync ? { rowVersion: null, tombstoneVersion: null } : before;
      if (event.resync) {
        resets.add(id);
        tombstones.delete(id);
      }
      seen.set(
        id,
        deleted ? { rowVersion: null, tombstoneVersion: event.version } : { ...base, rowVersion: event.version },
      );
      newest.set(id, event);
      if (deleted) tombstones.set(id, event);
    } else seen.set(id, before);
    return outcome;
  });
  const finals = [...newest.values()];
  return {
    outcomes,
    resets: [...resets],
    upserts: finals.filter((e) => !isDeletion(e)),
    deletes: finals.filter((e) => isDeletion(e)),
    tombstones: [...tombstones.values()],
  };
}
