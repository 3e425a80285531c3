import { randomUUID } from 'node:crypto';
import type { ProductEvent, ProductEventType } from '@nestjs-kafka-sync/contracts';
import { productEvent } from '@nestjs-kafka-sync/contracts/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { PrismaService } from '../prisma/prisma.service.js';
import { testCatalogPool, testPrisma } from '../testing/test-database.js';
import { CatalogPool } from '../prisma/catalog-pool.js';
import { dataRejectionReason } from '@nestjs-kafka-sync/service-kit';
import { CatalogReplicaService } from './catalog-replica.service.js';

const prisma: PrismaService = testPrisma();
const pool = testCatalogPool();
const replica = new CatalogReplicaService(pool);
afterAll(() => Promise.all([prisma.$disconnect(), pool.onApplicationShutdown()]));
beforeEach(() => prisma.$executeRaw`TRUNCATE catalog_products, product_tombstones`);

function eventFor(
  id: string,
  version: number,
  type: ProductEventType = version === 1 ? 'product.created' : 'product.updated',
): ProductEvent {
  return productEvent({
    productId: id,
    version,
    type,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, version)).toISOString(),
    product: { sku: `SKU-${version}`, name: `v${version}`, price: `${version}.50`, stock: version },
  });
}

async function stored(id: string) {
  const row = await prisma.catalogProduct.findUnique({ where: { id } });
  return row && { name: row.name, price: row.price.toFixed(2), stock: row.stock, version: row.version };
}

describe('CatalogReplicaService against a real PostgreSQL', () => {
  it('applies a create with every field', async () => {
    const id = randomUUID();
    expect(await replica.apply(eventFor(id, 1))).toBe('applied');
    expect(await stored(id)).toEqual({ name: 'v1', price: '1.50', stock: 1, version: 1 });
  });

  it('treats the same event delivered twice as one', async () => {
    const id = randomUUID();
    const created = eventFor(id, 1);
    expect(await replica.apply(created)).toBe('applied');
    await replica.apply(eventFor(id, 2));
    expect(await replica.apply(eventFor(id, 2))).toBe('stale');
    expect(await replica.apply(created)).toBe('stale');
    expect(await stored(id)).toMatchObject({ name: 'v2', version: 2 });
  });

  it('keeps version 3 when version 2 arrives after it', async () => {
    const id = randomUUID();
    await replica.apply(eventFor(id, 1));
    expect(await replica.apply(eventFor(id, 3))).toBe('applied');
    expect(await replica.apply(eventFor(id, 2))).toBe('stale');
    expect(await stored(id)).toEqual({ name: 'v3', price: '3.50', stock: 3, version: 3 });
  });

  it('deletes, remembers the version, and lets no older event resurrect the product', async () => {
    const id = randomUUID();
    await replica.apply(eventFor(id, 1));
    expect(await replica.apply(eventFor(id, 3, 'product.deleted'))).toBe('applied');
    expect(await stored(id)).toBeNull();
    expect(await replica.apply(eventFor(id, 2))).toBe('stale');
    expect(await replica.apply(eventFor(id, 1))).toBe('stale');
    expect(await stored(id)).toBeNull();
    expect(await prisma.productTombstone.findUnique({ where: { productId: id } })).toMatchObject({ version: 3 });
  });

  it('applies a delete that arrives before the product was ever seen', async () => {
    const id = randomUUID();
    expect(await replica.apply(eventFor(id, 2, 'product.deleted'))).toBe('applied');
    expect(await replica.apply(eventFor(id, 1))).toBe('stale');
    expect(await stored(id)).toBeNull();
  });

  it('lets a caller tell an event the database refuses for good from a passing failure', async () => {
    const id = randomUUID();
    const refused = eventFor(id, 1);
    refused.product.stock = -1; // what the contract rejects, forced through to meet the CHECK constraint
    const failure = await replica.apply(refused).catch((error: unknown) => error);
    expect(dataRejectionReason(failure)).toMatch(
      /^database refused the event \(SQLSTATE 23514\): .*catalog_products_stock_non_negative/,
    );

    const tooLong = eventFor(id, 1);
    tooLong.product.sku = 'S'.repeat(65);
    expect(dataRejectionReason(await replica.apply(tooLong).catch((error: unknown) => error))).toMatch(
      /SQLSTATE 22001/,
    );

    const unreachable = new CatalogPool({
      url: 'postgresql://postgres@127.0.0.1:1/none',
      poolSize: 1,
      callTimeoutMs: 10_000,
    });
    const lost = await new CatalogReplicaService(unreachable).apply(eventFor(id, 1)).catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(Error);
    expect(dataRejectionReason(lost)).toBeNull();
    await unreachable.onApplicationShutdown();
  });

  it('serializes concurrent deliveries of one product: the newest wins', async () => {
    const id = randomUUID();
    const outcomes = await Promise.all([5, 2, 4, 1, 3].map((v) => replica.apply(eventFor(id, v))));
    expect(outcomes).toContain('applied');
    expect(await stored(id)).toMatchObject({ version: 5, name: 'v5' });
  });
});
