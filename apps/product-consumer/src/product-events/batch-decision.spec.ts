import { isDeletion, type ProductEvent, type ProductEventType } from '@nestjs-kafka-sync/contracts';
import { productEvent } from '@nestjs-kafka-sync/contracts/testing';
import { describe, expect, it } from 'vitest';
import { decideApply, type KnownVersions } from './apply-decision.js';
import { decideBatch } from './batch-decision.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const none = new Map<string, KnownVersions>();

function ev(productId: string, version: number, type?: ProductEventType): ProductEvent {
  return productEvent({ productId, version, type });
}
const resync = (productId: string, version: number, replacesVersion: number | null, deleted = false) =>
  productEvent({ productId, version, resync: { replacesVersion, deleted } });
const MAX = 2147483647;
const del = (productId: string, version: number) => ev(productId, version, 'product.deleted');
const versions = (events: ProductEvent[]) =>
  events.map((e) => `${e.productId.slice(-1)}${e.type.slice(8, 11)}${e.version}`);

/** The reference: per-record apply, one event after the other, as CatalogReplicaService.apply does. */
function oneByOne(events: ProductEvent[], known: Map<string, KnownVersions>) {
  const state = new Map(known);
  const outcomes = events.map((e) => {
    const before = state.get(e.productId) ?? { rowVersion: null, tombstoneVersion: null };
    const outcome = decideApply(e, before);
    const base = e.resync ? { rowVersion: null, tombstoneVersion: null } : before; // a repair starts afresh
    if (outcome === 'applied')
      state.set(
        e.productId,
        isDeletion(e) ? { rowVersion: null, tombstoneVersion: e.version } : { ...base, rowVersion: e.version },
      );
    return outcome;
  });
  return { outcomes, state };
}

describe('decideBatch', () => {
  it('v3, v1, delete v4, v2 of one product: applied, stale, applied, stale; ends deleted with tombstone v4', () => {
    const d = decideBatch([ev(A, 3), ev(A, 1), del(A, 4), ev(A, 2)], none);
    expect(d.outcomes).toEqual(['applied', 'stale', 'applied', 'stale']);
    expect(d.upserts).toEqual([]);
    expect(versions(d.deletes)).toEqual(['adel4']);
    expect(versions(d.tombstones)).toEqual(['adel4']);
  });

  it('duplicates and versions the replica already has are stale; only the newest state is written', () => {
    const known = new Map([[A, { rowVersion: 2, tombstoneVersion: null }]]);
    const d = decideBatch([ev(A, 2), ev(A, 3), ev(A, 3), ev(A, 5), ev(A, 4), ev(B, 1)], known);
    expect(d.outcomes).toEqual(['stale', 'applied', 'stale', 'applied', 'stale', 'applied']);
    expect(versions(d.upserts)).toEqual(['aupd5', 'bcre1']);
    expect([d.deletes, d.tombstones]).toEqual([[], []]);
  });

  it('a product deleted before the batch stays deleted against older updates', () => {
    const known = new Map([[A, { rowVersion: null, tombstoneVersion: 4 }]]);
    expect(decideBatch([ev(A, 3), ev(A, 4), del(A, 4)], known).outcomes).toEqual(['stale', 'stale', 'stale']);
  });

  it('a delete followed by a newer update writes the row and still the tombstone (as one-by-one leaves it)', () => {
    const d = decideBatch([ev(A, 1), del(A, 2), ev(A, 3)], none);
    expect(d.outcomes).toEqual(['applied', 'applied', 'applied']);
    expect(versions(d.upserts)).toEqual(['aupd3']);
    expect(d.deletes).toEqual([]);
    expect(versions(d.tombstones)).toEqual(['adel2']);
  });

  it('a forged version freezes nothing past its repair: v3, forged, v1, repair, delete v4, v2', () => {
    const d = decideBatch([ev(A, 3), ev(A, MAX), ev(A, 1), resync(A, 3, MAX), del(A, 4), ev(A, 2)], none);
    expect(d.outcomes).toEqual(['applied', 'applied', 'stale', 'applied', 'applied', 'stale']);
    expect(d.resets).toEqual([A]);
    expect([d.upserts, versions(d.deletes), versions(d.tombstones)]).toEqual([[], ['adel4'], ['adel4']]);
  });

  it('a repair over a forged row held before the batch resets it to the source version; an update follows', () => {
    const known = new Map([[A, { rowVersion: MAX, tombstoneVersion: null }]]);
    const d = decideBatch([ev(A, 4), resync(A, 3, MAX), ev(A, 4), resync(A, 3, MAX)], known);
    expect(d.outcomes).toEqual(['stale', 'applied', 'applied', 'stale']); // the redelivered repair: the replica moved on
    expect([d.resets, versions(d.upserts), d.tombstones]).toEqual([[A], ['aupd4'], []]);
  });

  it('a repair drops an earlier tombstone of the batch, and a deleting repair leaves its own', () => {
    const d = decideBatch(
      [del(A, MAX), resync(A, 2, MAX), resync(B, 5, 5, true)],
      new Map([[B, { rowVersion: 5, tombstoneVersion: 1 }]]),
    );
    expect(d.outcomes).toEqual(['applied', 'applied', 'applied']);
    expect([d.resets, versions(d.upserts), versions(d.deletes), versions(d.tombstones)]).toEqual([
      [A, B],
      ['ares2'],
      ['bres5'],
      ['bres5'],
    ]);
  });

  it('agrees with one-by-one apply on every ordering of a mixed history of two products', () => {
    const history = [ev(A, 1), ev(A, 2), del(A, 3), ev(B, 2), del(B, 4), ev(B, 3), ev(A, MAX), resync(A, 2, MAX)];
    const known = new Map([[B, { rowVersion: 1, tombstoneVersion: null }]]);
    for (let seed = 1; seed <= 200; seed++) {
      const shuffled = shuffle([...history, history[seed % history.length]], seed);
      const expected = oneByOne(shuffled, known);
      const d = decideBatch(shuffled, known);
      expect(d.outcomes).toEqual(expected.outcomes);
      for (const [id, s] of expected.state) {
        const row = d.upserts.find((e) => e.productId === id)?.version ?? known.get(id)?.rowVersion ?? null;
        const deleted = d.deletes.some((e) => e.productId === id);
        const tomb = d.tombstones.find((e) => e.productId === id)?.version ?? known.get(id)?.tombstoneVersion ?? null;
        expect({ row: deleted ? null : row, tomb }).toEqual({ row: s.rowVersion, tomb: s.tombstoneVersion });
      }
    }
  });
});

/** A deterministic Fisher-Yates shuffle (a seeded LCG), so a failure can be replayed. */
function shuffle<T>(items: T[], seed: number): T[] {
  let x = seed;
  for (let i = items.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const j = x % (i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
