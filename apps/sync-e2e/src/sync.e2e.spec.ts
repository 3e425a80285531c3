import { DEAD_LETTER_TOPIC, PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, replicated } from './support/api.js';
import { catalogDb, expectReplicaEqualsSource, unpublishedOutboxRows } from './support/databases.js';
import { eventually } from './support/eventually.js';
import { deadLettersSince, produceRaw, topicEnds } from './support/kafka.js';
import { apps, useRunningSystem } from './support/stack.js';

const uniqueSku = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

describe('api-service → outbox → product-producer → Kafka → product-consumer → product_catalog', () => {
  useRunningSystem();

  it('replicates a created product with every field', async () => {
    const created = await api.create({
      sku: uniqueSku('MUG'),
      name: 'Enamel mug',
      description: 'Holds 350 ml.',
      price: 12.5,
      stock: 7,
    });
    const copy = await replicated(created.id, 1);
    const { sync: _sync, ...state } = created;
    expect(copy).toMatchObject({ ...state, price: '12.50' });
    console.log(`create: replica holds ${created.id} v1 with all fields`);
  });

  it('ends at version 51 with the final fields after 50 quick updates of one product', async () => {
    const product = await api.create({ sku: uniqueSku('PEN'), name: 'Pen 0', price: 1, stock: 0 });
    let last = product;
    for (let i = 1; i <= 50; i++) last = await api.patch(product.id, { name: `Pen ${i}`, stock: i, price: i + 0.25 });
    expect(last.version).toBe(51);

    const copy = await replicated(product.id, 51);
    expect(copy).toMatchObject({ name: 'Pen 50', stock: 50, price: '50.25', version: 51 });
    console.log('update x50: replica at v51 with name "Pen 50", stock 50, price 50.25');
  });

  it('removes a deleted product from the replica and remembers the delete', async () => {
    const product = await api.create({ sku: uniqueSku('CUP'), name: 'Cup', price: 3, stock: 1 });
    await replicated(product.id, 1);
    await api.remove(product.id);

    await replicated(product.id, null);
    const tombstone = await catalogDb.query('SELECT version FROM product_tombstones WHERE product_id = $1', [
      product.id,
    ]);
    expect(tombstone.rows).toEqual([{ version: 2 }]);
    console.log('delete: gone from the replica, tombstone at v2');
  });

  it('converges row for row after 200 creates across many products', async () => {
    const created = [];
    for (let batch = 0; batch < 20; batch++) {
      created.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            api.create({
              sku: uniqueSku(`BULK${batch}`),
              name: `Bulk ${batch}.${i}`,
              price: batch + i / 100,
              stock: i,
            }),
          ),
        )),
      );
    }
    expect(created).toHaveLength(200);

    const compared = await eventually(expectReplicaEqualsSource, { timeoutMs: 60_000, intervalMs: 500 });
    expect(await unpublishedOutboxRows()).toBe(0);
    console.log(`200 creates: replica equals api_service on all ${compared} rows (every field and version)`);
  });

  it('applies a product created while product-consumer was down once it is back', async () => {
    await apps.consumer.stop('SIGTERM');
    const product = await api.create({
      sku: uniqueSku('LATE'),
      name: 'Created while the consumer was down',
      price: 9.99,
      stock: 2,
    });
    await eventually(async () => expect(await unpublishedOutboxRows()).toBe(0)); // it is in Kafka now
    expect((await catalogDb.query('SELECT 1 FROM catalog_products WHERE id = $1', [product.id])).rowCount).toBe(0);

    await apps.consumer.start();
    await replicated(product.id, 1);
    console.log('consumer down: the change waited in Kafka and was applied after the restart');
  });

  it('dead-letters a poison record with its reason, and the product behind it on its partition still replicates', async () => {
    const product = await api.create({ sku: uniqueSku('POISON'), name: 'Behind the poison', price: 4, stock: 4 });
    await replicated(product.id, 1);
    const dlqFrom = await topicEnds(DEAD_LETTER_TOPIC);
    // Under the product's key: the same partition as its next event, which must not wait behind it.
    const [landed] = await produceRaw([{ key: product.id, value: '{this is not json' }]);
    await api.patch(product.id, { name: 'After the poison' });

    await replicated(product.id, 2);
    const [letter] = await eventually(async () => {
      const found = (await deadLettersSince(dlqFrom)).filter((l) => l.original.offset === landed.offset);
      if (found.length === 0) throw new Error('not dead-lettered yet');
      return found;
    });
    expect(letter).toMatchObject({
      errorClass: 'unparseable',
      reason: expect.stringMatching(/value is not valid JSON/),
      original: { topic: PRODUCT_EVENTS_TOPIC, partition: landed.partition, key: product.id },
    });
    console.log(
      `poison: dead-lettered from ${PRODUCT_EVENTS_TOPIC}/${landed.partition}@${landed.offset} (${letter.errorClass}); the next event on that partition applied`,
    );
  });

  it('retries a record, never skipping it, while the replica database fails; applies it once it recovers', async () => {
    await catalogDb.query('ALTER TABLE catalog_products RENAME TO catalog_products_away');
    try {
      const product = await api.create({
        sku: uniqueSku('OUTAGE'),
        name: 'Written during an outage',
        price: 3,
        stock: 3,
      });
      await eventually(async () => expect(apps.consumer.log).toMatch(/catalog_products.*does not exist/));
      await new Promise((resolve) => setTimeout(resolve, 3000)); // several retries
      expect((await api.get(product.id)).sync.status).toBe('pending'); // neither applied nor rejected
      await catalogDb.query('ALTER TABLE catalog_products_away RENAME TO catalog_products');
      await replicated(product.id, 1);
      await eventually(async () => expect((await api.get(product.id)).sync.status).toBe('in-sync'));
    } finally {
      await catalogDb.query('ALTER TABLE IF EXISTS catalog_products_away RENAME TO catalog_products');
    }
    console.log('database outage: the record was retried, not skipped, and applied after recovery');
  });
});
