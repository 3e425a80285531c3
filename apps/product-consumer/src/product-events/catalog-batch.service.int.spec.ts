import { randomUUID } from 'node:crypto';
import type { ProductEvent, ProductEventType, Resync } from '@nestjs-kafka-sync/contracts';
import { productEvent } from '@nestjs-kafka-sync/contracts/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { testCatalogPool, testPrisma } from '../testing/test-database.js';
import { CatalogBatchService } from './catalog-batch.service.js';
import { CatalogReplicaService } from './catalog-replica.service.js';

const prisma = testPrisma();
const pool = testCatalogPool();
const replica = new CatalogReplicaService(pool);
const batches = new CatalogBatchService(replica);
afterAll(() => Promise.all([prisma.$disconnect(), pool.onApplicationShutdown()]));
beforeEach(() => prisma.$executeRaw`TRUNCATE catalog_products, product_tombstones`);

const once = <T>(_what: string, step: () => Promise<T>) => step();
const applyBatch = (events: ProductEvent[]) => batches.apply(events, once, (i) => `batch ${i ?? ''}`);

function eventFor(id: string, version: number, type?: ProductEventType, resync?: Resync): ProductEvent {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, version)).toISOString();
  return productEvent({
    productId: id,
    version,
    type,
    at,
    resync,
    product: { name: `v${version}`, price: `${version}.50` },
  });
}
const MAX = 2147483647;
const repair = (id: string, version: number, replacesVersion: number | null, deleted = false) =>
  eventFor(id, version, undefined, { replacesVersion, deleted });

async function state(id: string) {
  const row = await prisma.catalogProduct.findUnique({ where: { id } });
  const tombstone = await prisma.productTombstone.findUnique({ where: { productId: id } });
  return {
    row: row && { name: row.name, price: row.price.toFixed(2), version: row.version },
    tombstone: tombstone?.version ?? null,
  };
}

describe('CatalogBatchService (set-based apply) against a real PostgreSQL', () => {
  it('v3, v1, delete v4, v2 of one product in one batch ends deleted with tombstone v4; acks as one by one', async () => {
    const id = randomUUID();
    const other = randomUUID();
    const batch = [eventFor(id, 3), eventFor(other, 1), eventFor(id, 1), eventFor(id, 4, 'product.deleted')];
    expect(await applyBatch([...batch, eventFor(id, 2)])).toEqual(['applied', 'applied', 'stale', 'applied', 'stale']);
    expect(await state(id)).toEqual({ row: null, tombstone: 4 });
    expect(await state(other)).toEqual({ row: { name: 'v1', price: '1.50', version: 1 }, tombstone: null });
    // The same batch again (a redelivery) is stale throughout and changes nothing.
    expect(await applyBatch(batch)).toEqual(['stale', 'stale', 'stale', 'stale']);
    expect(await state(id)).toEqual({ row: null, tombstone: 4 });
  });

  it('ends as per-record apply would, across batches: newest row, tombstone kept, no resurrection', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await applyBatch([eventFor(a, 1), eventFor(a, 2), eventFor(b, 2, 'product.deleted')]);
    expect(await applyBatch([eventFor(a, 5), eventFor(a, 4), eventFor(b, 1), eventFor(b, 3)])).toEqual([
      'applied',
      'stale',
      'stale',
      'applied',
    ]);
    expect(await state(a)).toEqual({ row: { name: 'v5', price: '5.50', version: 5 }, tombstone: null });
    expect(await state(b)).toEqual({ row: { name: 'v3', price: '3.50', version: 3 }, tombstone: 2 });
  });

  it('a poison record the database refuses is rejected alone; the valid records around it are applied', async () => {
    const [before, poison, after] = [randomUUID(), randomUUID(), randomUUID()];
    const refused = eventFor(poison, 1);
    refused.product.stock = -1; // what the contract rejects, forced through to meet the CHECK constraint
    const outcomes = await applyBatch([eventFor(before, 1), refused, eventFor(after, 1), eventFor(after, 2)]);
    expect(outcomes[0]).toBe('applied');
    expect(outcomes[1]).toEqual({
      rejected: expect.stringMatching(/SQLSTATE 23514.*catalog_products_stock_non_negative/),
    });
    expect(outcomes.slice(2)).toEqual(['applied', 'applied']);
    expect((await state(before)).row?.version).toBe(1);
    expect(await state(poison)).toEqual({ row: null, tombstone: null });
    expect((await state(after)).row?.version).toBe(2);
  });

  it('two batches of the same products at once (a rebalance overlap) end at the newest versions', async () => {
    const ids = Array.from({ length: 20 }, () => randomUUID());
    const first = ids.flatMap((id) => [eventFor(id, 1), eventFor(id, 3)]);
    const second = [...ids].reverse().flatMap((id) => [eventFor(id, 2), eventFor(id, 4, 'product.deleted')]);
    await Promise.all([applyBatch(first), applyBatch(second)]);
    for (const id of ids) expect(await state(id)).toEqual({ row: null, tombstone: 4 });
  });

  it('a repair resets a forged maximum version to the source version, in a batch and one by one alike', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await applyBatch([eventFor(a, 1), eventFor(a, MAX), eventFor(b, 1), eventFor(b, MAX, 'product.deleted')]);
    expect(await applyBatch([eventFor(a, 2), eventFor(b, 2)])).toEqual(['stale', 'stale']); // frozen by the forgery
    expect(await applyBatch([repair(a, 2, MAX), eventFor(a, 3), repair(b, 2, MAX), repair(a, 2, MAX)])).toEqual([
      'applied',
      'applied',
      'applied',
      'stale', // redelivered after the replica moved on: the ordinary guard
    ]);
    expect(await state(a)).toEqual({ row: { name: 'v3', price: '3.50', version: 3 }, tombstone: null });
    expect(await state(b)).toEqual({ row: { name: 'v2', price: '2.50', version: 2 }, tombstone: null });
    // one event per transaction (the fallback path) decides the same way
    await applyBatch([eventFor(c, 1), eventFor(c, MAX)]);
    expect(await replica.apply(repair(c, 1, MAX))).toBe('applied');
    expect(await replica.apply(eventFor(c, 2))).toBe('applied');
    expect(await state(c)).toEqual({ row: { name: 'v2', price: '2.50', version: 2 }, tombstone: null });
  });

  it('a repair of a product the source lacks removes the row and keeps its version as the tombstone', async () => {
    const stray = randomUUID();
    await applyBatch([eventFor(stray, MAX)]);
    expect(await applyBatch([repair(stray, MAX, MAX, true), eventFor(stray, 5)])).toEqual(['applied', 'stale']);
    expect(await state(stray)).toEqual({ row: null, tombstone: MAX });
  });

  it('a repair whose replica moved on in between is stale, and changes nothing', async () => {
    const id = randomUUID();
    await applyBatch([
      eventFor(id, 1),
      eventFor(id, MAX),
      eventFor(id, 2, undefined, { replacesVersion: MAX, deleted: false }),
    ]);
    await applyBatch([eventFor(id, 3)]);
    expect(await applyBatch([repair(id, 2, MAX)])).toEqual(['stale']);
    expect(await state(id)).toEqual({ row: { name: 'v3', price: '3.50', version: 3 }, tombstone: null });
  });
});
