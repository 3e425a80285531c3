import { syncAck as ack } from '@nestjs-kafka-sync/contracts/testing';
import { describe, expect, it } from 'vitest';
import { foldAcks } from './fold-acks.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('foldAcks', () => {
  it('keeps, per product, the highest version acknowledged and the latest time, in any order', () => {
    const folded = foldAcks([ack(A, 3), ack(B, 1), ack(A, 1, { status: 'stale' }), ack(A, 2)]);
    expect(folded).toEqual([
      { productId: A, version: 3, reset: false, at: new Date('2026-11-30T10:00:03.000Z') },
      { productId: B, version: 1, reset: false, at: new Date('2026-11-30T10:00:01.000Z') },
    ]);
  });

  it('lets a reset replace what came before it, and only what follows it count after', () => {
    const forged = 2147483647;
    expect(foldAcks([ack(A, forged), ack(A, 5, { reset: true })])).toMatchObject([{ version: 5, reset: true }]);
    expect(foldAcks([ack(A, 5, { reset: true }), ack(A, 6), ack(A, 4, { status: 'stale' })])).toMatchObject([
      { version: 6, reset: true },
    ]);
  });

  it('leaves rejected acks out (recorded one by one)', () => {
    const rejected = ack(A, 2, { status: 'rejected', reason: 'product.price: bad' });
    expect(foldAcks([rejected, { ...rejected, version: null }])).toEqual([]);
  });
});
