import { MAX_INT4 } from '@nestjs-kafka-sync/contracts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, call, catalogProduct, replicated, type Product } from './support/api.js';
import { expectReplicaEqualsSource } from './support/databases.js';
import { eventually } from './support/eventually.js';
import { forgeUpdate } from './support/forged-event.js';
import { reconciliation } from './support/reconciliation.js';
import { useRunningSystem } from './support/stack.js';

const waitForSync = { Prefer: 'wait-for-sync=10000' };
const patch = (id: string, name: string) => call<Product>('PATCH', `/products/${id}`, { name }, waitForSync);

describe('a forged version on the topic cannot freeze a product', () => {
  useRunningSystem();

  it('is reported, repaired through the outbox without overflow, and the product replicates again', async () => {
    // Arrange: a replicated product, then a valid product.updated at 2147483647 written to the topic by hand.
    const product = await api.create({ sku: `FORGE-${randomUUID().slice(0, 8)}`, name: 'Real', price: 5, stock: 2 });
    await replicated(product.id, 1);
    await forgeUpdate(product, MAX_INT4, 'Forged');
    await replicated(product.id, MAX_INT4);

    // A real update is stale at the replica: the API must not call it in sync.
    const frozen = await patch(product.id, 'Real 2');
    expect(frozen.status).toBe(200);
    expect(frozen.body.sync).toMatchObject({ status: 'failed', replicatedVersion: MAX_INT4 });
    expect(frozen.body.sync.reason).toMatch(/above this product's 2: .*POST \/reconciliation\/repair/);
    expect((await catalogProduct(product.id))?.name).toBe('Forged');

    // Reconciliation names it; repair heals it (200, no int4 overflow) without touching the source's version.
    expect(await reconciliation()).toMatchObject({ inSync: false, ahead: { count: 1, firstIds: [product.id] } });
    expect(await reconciliation('POST')).toMatchObject({ repaired: 1 });
    expect(await replicated(product.id, 2)).toMatchObject({ name: 'Real 2', version: 2 });
    await eventually(async () => expect((await reconciliation()).inSync).toBe(true));
    expect(await expectReplicaEqualsSource()).toBeGreaterThan(0);
    expect((await api.get(product.id)).sync).toEqual({ status: 'in-sync', replicatedVersion: 2, reason: null });

    // Later real updates replicate as usual.
    const after = await patch(product.id, 'Real 3');
    expect(after.body.sync).toEqual({ status: 'in-sync', replicatedVersion: 3, reason: null });
    expect(await replicated(product.id, 3)).toMatchObject({ name: 'Real 3' });
    console.log('forged v2147483647: PATCH answered failed (replica ahead), repair 200, replica back at v2, then v3');
  });
});
