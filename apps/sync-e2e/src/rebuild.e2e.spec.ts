import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { api, catalogProduct } from './support/api.js';
import { catalogDb, expectReplicaEqualsSource, unpublishedOutboxRows } from './support/databases.js';
import { eventually } from './support/eventually.js';
import { liveGroupLag } from './support/kafka.js';
import { apps, useRunningSystem } from './support/stack.js';

const rebuildScript = fileURLToPath(new URL('../../product-consumer/dist/cli/rebuild-catalog.js', import.meta.url));

/** Runs `tasks` with at most `limit` in flight. */
async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

describe('rebuilding product_catalog from the topic alone', () => {
  useRunningSystem({ freshTopic: true });

  it('replays over 1,000 changes, deletes included, into a replica equal to the source, then hands over', async () => {
    const products = Array.from({ length: 150 }, (_, i) => ({
      sku: `RB-${i}-${randomUUID().slice(0, 6)}`,
      name: `Rebuild ${i}`,
      price: (100 + i) / 100,
      stock: i,
    }));
    const ids: string[] = [];
    await inParallel(products, 10, async (p) => ids.push((await api.create(p)).id));
    await inParallel(ids, 10, async (id) => {
      for (let round = 1; round <= 6; round++) await api.patch(id, { stock: round * 10, name: `Round ${round}` });
    });
    const deleted = ids.slice(0, 60);
    await inParallel(deleted, 10, (id) => api.remove(id));
    const changes = products.length + ids.length * 6 + deleted.length;
    expect(changes).toBeGreaterThanOrEqual(1000);
    await eventually(expectReplicaEqualsSource, { timeoutMs: 90_000, intervalMs: 1000 });

    await apps.consumer.stop();
    // Written while the live consumer is down: only the rebuild will apply (and acknowledge) these.
    const unseen = await Promise.all(
      [1, 2, 3].map((i) =>
        api.create({ sku: `RB-UNSEEN-${i}-${randomUUID().slice(0, 6)}`, name: 'Unseen', price: 1, stock: i }),
      ),
    );
    await eventually(async () => expect(await unpublishedOutboxRows()).toBe(0));
    await catalogDb.query("UPDATE catalog_products SET name = 'corrupted'"); // the rebuild must not depend on what was there
    const { stdout } = await promisify(execFile)(process.execPath, [rebuildScript], { env: process.env });
    console.log(stdout.trim());
    const replayed = changes + unseen.length;
    expect(stdout).toMatch(new RegExp(`replayed ${replayed} events: ${replayed} applied, 0 stale, 0 rejected`));
    expect(stdout).toMatch(/rate: [\d.]+ events\/s/);
    expect(stdout).toMatch(/main thread: \d+ % busy during the replay/);
    expect(stdout).toMatch(/live consumer group moved to the end of the replay/);

    const compared = await expectReplicaEqualsSource();
    expect(compared).toBe(products.length - deleted.length + unseen.length);
    expect(await liveGroupLag()).toBe(0); // handed over exactly at the end of the replay
    for (const product of unseen)
      await eventually(async () => expect((await api.get(product.id)).sync.status).toBe('in-sync'));
    const tombstones = await catalogDb.query('SELECT count(*)::int AS n FROM product_tombstones');
    expect(tombstones.rows[0].n).toBe(deleted.length);

    // Hand-over: the live consumer resumes after the replay, with nothing missed.
    await apps.consumer.start();
    const after = await api.create({
      sku: `RB-AFTER-${randomUUID().slice(0, 6)}`,
      name: 'After the rebuild',
      price: 1,
      stock: 1,
    });
    await eventually(async () => expect(await catalogProduct(after.id)).toMatchObject({ version: 1 }));
    expect(await expectReplicaEqualsSource()).toBe(products.length - deleted.length + unseen.length + 1);
    console.log(
      `rebuild: ${replayed} changes replayed; replica equals source on ${compared} rows with ${deleted.length} tombstones`,
    );
  });
});
