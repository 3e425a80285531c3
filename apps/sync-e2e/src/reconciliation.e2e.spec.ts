import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, authFor } from './support/api.js';
import { catalogDb, expectReplicaEqualsSource } from './support/databases.js';
import { e2eEnv } from './support/env.js';
import { eventually } from './support/eventually.js';
import { useRunningSystem } from './support/stack.js';

interface Report {
  inSync: boolean;
  sourceProducts: number;
  replicaProducts: number;
  missing: { count: number; firstIds: string[] };
  extra: { count: number; firstIds: string[] };
  differing: { count: number; firstIds: string[] };
  repaired?: number;
}

async function reconciliation(method: 'GET' | 'POST' = 'GET'): Promise<Report> {
  const path = `/reconciliation${method === 'POST' ? '/repair' : ''}`;
  const response = await fetch(`${e2eEnv.apiUrl}${path}`, { method, headers: authFor(method, path) });
  if (!response.ok) throw new Error(`reconciliation answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Report;
}

describe('reconciliation finds drift in the replica and heals it through the outbox', () => {
  useRunningSystem();

  it('reports a deleted row, a changed field and a stray row, then repairs all three', async () => {
    const [lost, altered] = await Promise.all(
      ['LOST', 'ALTERED', 'INTACT'].map((prefix) =>
        api.create({ sku: `${prefix}-${randomUUID().slice(0, 8)}`, name: prefix, price: 4.2, stock: 1 }),
      ),
    );
    await eventually(async () => expect((await reconciliation()).inSync).toBe(true));

    // Corrupt the replica by hand, three ways.
    const stray = randomUUID();
    await catalogDb.query('DELETE FROM catalog_products WHERE id = $1', [lost.id]);
    await catalogDb.query("UPDATE catalog_products SET name = 'tampered' WHERE id = $1", [altered.id]);
    await catalogDb.query(
      `INSERT INTO catalog_products (id, sku, name, price, stock, version, created_at, updated_at, replicated_at)
       VALUES ($1, 'STRAY-1', 'Stray', 1.00, 1, 1, now(), now(), now())`,
      [stray],
    );

    const drift = await reconciliation();
    expect(drift).toMatchObject({
      inSync: false,
      sourceProducts: 3,
      replicaProducts: 3,
      missing: { count: 1, firstIds: [lost.id] },
      differing: { count: 1, firstIds: [altered.id] },
      extra: { count: 1, firstIds: [stray] },
    });

    expect(await reconciliation('POST')).toMatchObject({ repaired: 3 });
    const healed = await eventually(async () => {
      const report = await reconciliation();
      expect(report.inSync).toBe(true);
      return report;
    });
    expect(healed).toMatchObject({ sourceProducts: 3, replicaProducts: 3 });
    expect(await expectReplicaEqualsSource()).toBe(3);
    console.log(
      'reconciliation: reported 1 missing, 1 differing, 1 extra; after repair the replica equals the source (3 rows)',
    );
  });
});
