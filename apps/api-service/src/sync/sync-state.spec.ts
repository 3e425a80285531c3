import { describe, expect, it } from 'vitest';
import { syncOf } from './sync-state.js';

describe('syncOf', () => {
  it('is pending before any ack', () => {
    expect(syncOf(1, undefined)).toEqual({ status: 'pending', replicatedVersion: null, reason: null });
  });

  it('is in-sync once the replica holds this version or a newer one', () => {
    const state = { replicatedVersion: 3, rejectedVersion: null, rejectionReason: null };
    expect(syncOf(3, state)).toEqual({ status: 'in-sync', replicatedVersion: 3, reason: null });
    expect(syncOf(2, state, 3).status).toBe('in-sync'); // a waiter's version, the product since at 3
    expect(syncOf(4, state)).toEqual({ status: 'pending', replicatedVersion: 3, reason: null });
  });

  it('is failed with the reason when the replica rejected this version', () => {
    const state = { replicatedVersion: 2, rejectedVersion: 3, rejectionReason: 'product.price: bad' };
    expect(syncOf(3, state)).toEqual({ status: 'failed', replicatedVersion: 2, reason: 'product.price: bad' });
    expect(syncOf(4, state).status).toBe('pending'); // a newer version may still make it
  });

  it('is failed, saying why, while the replica holds a version above the product current one (forged)', () => {
    const state = { replicatedVersion: 2147483647, rejectedVersion: null, rejectionReason: null };
    expect(syncOf(3, state)).toEqual({
      status: 'failed',
      replicatedVersion: 2147483647,
      reason: expect.stringMatching(/^the replica holds version 2147483647, above this product's 3: .*repair/),
    });
    expect(syncOf(3, { ...state, replicatedVersion: 5 }, 5).status).toBe('in-sync'); // a newer write since: not ahead
  });
});
