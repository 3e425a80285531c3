import type { SyncAck } from '@nestjs-kafka-sync/contracts';

/**
 * Fewer acks that api-service records exactly as it would record all of `acks` (in order): per product,
 * a run of applied/stale acks becomes the run's highest version with its latest time, since api-service
 * keeps the GREATEST of both (fold-acks.ts there). A repair's `reset` ack and every rejected ack stay as
 * they are, where they are: a reset replaces what came before it, so the acks after it start a new run.
 * For a replay, where a product's versions arrive many at a time and nobody traces them one by one.
 */
export function coalesceAcks(acks: readonly SyncAck[]): SyncAck[] {
  const coalesced: SyncAck[] = [];
  const runOf = new Map<string, number>(); // product → index in `coalesced` of its open run
  for (const ack of acks) {
    const run = runOf.get(ack.productId);
    if (ack.status === 'rejected' || ack.version === null) coalesced.push(ack);
    else if (ack.reset || run === undefined) {
      if (ack.reset) runOf.delete(ack.productId);
      else runOf.set(ack.productId, coalesced.length);
      coalesced.push(ack);
    } else coalesced[run] = merged(coalesced[run], ack);
  }
  return coalesced;
}

function merged(run: SyncAck, ack: SyncAck): SyncAck {
  const newest = (ack.version ?? 0) > (run.version ?? 0) ? ack : run;
  const acknowledgedAt = ack.acknowledgedAt > run.acknowledgedAt ? ack.acknowledgedAt : run.acknowledgedAt;
  return { ...newest, acknowledgedAt };
}
