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

  it('names each kind of drift; repair queues a product.resynced per drifted product, bumping no version', async () => {
    const [same, missing, differing, extra, ahead] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    await insert(source, 'products', product(same));
    await insert(replica, 'catalog_products', product(same));
    await insert(source, 'products', product(missing, 4));
    await replica.query(
      'INSERT INTO product_tombstones (product_id, version, deleted_at) VALUES ($1, 2147483647, now())',
      [missing],
    ); // a forged delete
    await insert(source, 'products', product(differing, 2, 'Right name'));
    await insert(replica, 'catalog_products', product(differing, 2, 'Wrong name'));
    await insert(replica, 'catalog_products', product(extra, 2147483647));
    await insert(source, 'products', product(ahead, 3, 'Real name'));
    await insert(replica, 'catalog_products', product(ahead, 2147483647, 'Forged name'));

    const report = await reconciliation.reconcile();
    expect(report).toMatchObject({
      sourceProducts: 4,
      replicaProducts: 4,
      inSync: false,
      missing: { count: 1, firstIds: [missing] },
      extra: { count: 1, firstIds: [extra] },
      differing: { count: 1, firstIds: [differing] },
      ahead: { count: 1, firstIds: [ahead] },
    });
    expect((await source.query('SELECT count(*)::int AS n FROM outbox_events')).rows[0].n).toBe(0); // a report writes nothing

    expect(await reconciliation.reconcile({ repair: true })).toMatchObject({ repaired: 4 });
    const { rows } = await source.query(
      `SELECT aggregate_id, event_type, version, payload->'resync' AS resync, payload->'product'->>'name' AS name
       FROM outbox_events ORDER BY aggregate_id`,
    );
    const resynced = (id: string, version: number, replacesVersion: number | null, name: string, deleted = false) => ({
      aggregate_id: id,
      event_type: 'product.resynced',
      version,
      resync: { replacesVersion, deleted },
      name,
    });
    expect(rows).toEqual(
      [
        resynced(missing, 4, 2147483647, 'Mug'),
        resynced(differing, 2, 2, 'Right name'),
        resynced(extra, 2147483647, 2147483647, 'Mug', true),
        resynced(ahead, 3, 2147483647, 'Real name'),
      ].sort((a, b) => a.aggregate_id.localeCompare(b.aggregate_id)),
    );
    const versions = await source.query('SELECT id::text, version FROM products ORDER BY version');
    expect(versions.rows.map((r) => r.version)).toEqual([1, 2, 3, 4]); // the source is left as it was
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
