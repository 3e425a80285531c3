import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, testDatabase } from '../testing/test-app.js';
import { ReconciliationService } from './reconciliation.service.js';

let app: INestApplication;
let source: pg.Pool;
let replica: pg.Pool;
let reconciliation: ReconciliationService;

const columns = 'id, sku, name, description, price, stock, version, created_at, updated_at';
const at = '2026-01-01T00:00:00.000Z';
const product = (id: string, version = 1, name = 'Mug') => [
  id,
  `SKU-${id.slice(0, 8)}`,
  name,
  null,
  '9.90',
  3,
  version,
  at,
  at,
];

async function insert(pool: pg.Pool, table: string, row: unknown[]) {
  const extra = table === 'catalog_products' ? ', replicated_at' : '';
  const placeholders = row.map((_, i) => `$${i + 1}`).join(', ') + (extra ? ', now()' : '');
  await pool.query(`INSERT INTO ${table} (${columns}${extra}) VALUES (${placeholders})`, row);
}

beforeAll(async () => {
  process.env.RECONCILE_BATCH_SIZE = '5'; // so a dozen products span three batches
  app = await createTestApp();
  reconciliation = app.get(ReconciliationService);
  source = testDatabase();
  const catalogUrl = process.env.CATALOG_DATABASE_URL;
  if (!catalogUrl) throw new Error('CATALOG_DATABASE_URL is not set: run through `npm test`');
  replica = new pg.Pool({ connectionString: catalogUrl, max: 1 });
});
afterAll(async () => {
  await app.close();
  await Promise.all([source.end(), replica.end()]);
});
beforeEach(async () => {
  await source.query('TRUNCATE products, outbox_events');
  await replica.query('TRUNCATE catalog_products, product_tombstones');
});

describe('ReconciliationService against real databases', () => {
  it('reports in sync when every product matches field for field', async () => {
    for (let i = 0; i < 3; i++) {
      const row = product(randomUUID(), i + 1);
      await insert(source, 'products', row);
      await insert(replica, 'catalog_products', row);
    }
    expect(await reconciliation.reconcile()).toMatchObject({
      sourceProducts: 3,
      replicaProducts: 3,
      inSync: true,
      missing: { count: 0 },
      extra: { count: 0 },
      differing: { count: 0 },
    });
  });

  it('names each kind of drift, and repair queues one event per drifted product that outranks the replica', async () => {
    const [same, missing, differing, extra] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await insert(source, 'products', product(same));
    await insert(replica, 'catalog_products', product(same));
    await insert(source, 'products', product(missing, 4));
    await insert(source, 'products', product(differing, 2, 'Right name'));
    await insert(replica, 'catalog_products', product(differing, 3, 'Wrong name')); // even a version ahead
    await insert(replica, 'catalog_products', product(extra, 5));

    const report = await reconciliation.reconcile();
    expect(report).toMatchObject({
      sourceProducts: 3,
      replicaProducts: 3,
      inSync: false,
      missing: { count: 1, firstIds: [missing] },
      extra: { count: 1, firstIds: [extra] },
      differing: { count: 1, firstIds: [differing] },
    });
    expect((await source.query('SELECT count(*)::int AS n FROM outbox_events')).rows[0].n).toBe(0); // a report writes nothing

    expect(await reconciliation.reconcile({ repair: true })).toMatchObject({ repaired: 3 });
    const { rows } = await source.query(
      'SELECT aggregate_id, event_type, version FROM outbox_events ORDER BY aggregate_id',
    );
    expect(rows).toEqual(
      [
        { aggregate_id: missing, event_type: 'product.updated', version: 5 },
        { aggregate_id: differing, event_type: 'product.updated', version: 4 },
        { aggregate_id: extra, event_type: 'product.deleted', version: 6 },
      ].sort((a, b) => a.aggregate_id.localeCompare(b.aggregate_id)),
    );
    const bumped = await source.query('SELECT name, version FROM products WHERE id = $1', [differing]);
    expect(bumped.rows).toEqual([{ name: 'Right name', version: 4 }]);
  });

  it('pages through more products than one batch (batches of 5)', async () => {
    const ids = Array.from({ length: 12 }, () => randomUUID());
    for (const id of ids) {
      await insert(source, 'products', product(id));
      await insert(replica, 'catalog_products', product(id));
    }
    const { rows } = await source.query('SELECT id::text FROM products ORDER BY id');
    await replica.query('DELETE FROM catalog_products WHERE id = $1', [rows[11].id]);
    expect(await reconciliation.reconcile()).toMatchObject({
      sourceProducts: 12,
      replicaProducts: 11,
      missing: { count: 1, firstIds: [rows[11].id] },
    });
  });
});
