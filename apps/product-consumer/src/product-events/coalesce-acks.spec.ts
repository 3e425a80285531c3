import type { SyncAck } from '@nestjs-kafka-sync/contracts';
import { syncAck as ack } from '@nestjs-kafka-sync/contracts/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coalesceAcks } from './coalesce-acks.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

/** api-service's product_sync_state, recording acks one by one as its SQL does (sync-state.service.ts). */
function recorded(acks: SyncAck[]): Map<string, { replicated?: number; rejected?: number; at: string }> {
  const state = new Map<string, { replicated?: number; rejected?: number; at: string }>();
  for (const a of acks) {
    const row = state.get(a.productId) ?? { at: '' };
    if (a.status === 'rejected') row.rejected = Math.max(row.rejected ?? 0, a.version ?? 0);
    else row.replicated = a.reset ? a.version! : Math.max(row.replicated ?? 0, a.version!);
    row.at = a.acknowledgedAt > row.at ? a.acknowledgedAt : row.at;
    state.set(a.productId, row);
  }
  return state;
}

describe('coalesceAcks', () => {
  it('sends one ack per product for a run of versions: the highest, at the latest time', () => {
    const acks = [ack(A, 1), ack(B, 1), ack(A, 3), ack(A, 2, { status: 'stale' }), ack(B, 2)];
    expect(coalesceAcks(acks)).toEqual([ack(A, 3), ack(B, 2)]);
  });

  it('keeps a reset and rejected acks where they are, and starts a new run after a reset', () => {
    const reset = ack(A, 2, { status: 'applied', reset: true });
    const rejected = ack(A, null, { status: 'rejected', reason: 'product.price: bad' });
    const acks = [ack(A, 7), ack(A, 9), reset, rejected, ack(A, 3), ack(A, 4)];
    expect(coalesceAcks(acks)).toEqual([ack(A, 9), reset, rejected, ack(A, 4)]);
  });

  it('leaves api-service with the state that recording every ack would leave', () => {
    const anyAck = fc
      .record({
        productId: fc.constantFrom(A, B),
        version: fc.integer({ min: 1, max: 9 }),
        status: fc.constantFrom('applied' as const, 'stale' as const, 'rejected' as const),
        reset: fc.boolean(),
      })
      .map(({ productId, version, status, reset }) =>
        ack(productId, version, { status, ...(reset && status === 'applied' && { reset: true as const }) }),
      );
    fc.assert(
      fc.property(fc.array(anyAck, { maxLength: 12 }), (acks) => {
        expect(recorded(coalesceAcks(acks))).toEqual(recorded(acks));
      }),
    );
  });
});
