import pg from 'pg';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { OutboxStore, type OutboxRow } from './outbox.store.js';

// api-service's outbox in the test database `npm test` migrated; these tests empty it.
const url = process.env.API_DATABASE_URL;
if (!url) throw new Error('API_DATABASE_URL is not set: run these tests through `npm test`');
const db = new pg.Pool({ connectionString: url, max: 2 });
const store = new OutboxStore({ url });
const otherRelay = new OutboxStore({ url });

afterAll(async () => {
  await Promise.all([db.end(), store.onApplicationShutdown(), otherRelay.onApplicationShutdown()]);
});
beforeEach(() => db.query('TRUNCATE outbox_events'));

async function queue(count: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO outbox_events (event_id, aggregate_id, event_type, version, payload)
     SELECT gen_random_uuid(), gen_random_uuid(), 'product.created', 1, json_build_object('n', n)
     FROM generate_series(1, $1) AS n RETURNING id`,
    [count],
  );
  return rows.map((r) => r.id);
}

async function unpublished(): Promise<string[]> {
  return (
    await db.query<{ id: string }>('SELECT id FROM outbox_events WHERE published_at IS NULL ORDER BY id')
  ).rows.map((r) => r.id);
}

describe('OutboxStore against a real PostgreSQL', () => {
  it('hands over the oldest rows in insert order and marks exactly those published', async () => {
    const ids = await queue(5);
    const seen: OutboxRow[][] = [];
    expect(await store.publishNextBatch(3, async (rows) => void seen.push(rows))).toBe(3);
    expect(seen[0].map((r) => r.id)).toEqual(ids.slice(0, 3));
    expect(seen[0].map((r) => r.payload)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await unpublished()).toEqual(ids.slice(3));
    expect(await store.countUnpublished()).toBe(2);

    expect(await store.publishNextBatch(3, async (rows) => void seen.push(rows))).toBe(2);
    expect(await store.publishNextBatch(3, async () => undefined)).toBe(0);
    expect(await unpublished()).toEqual([]);
  });

  it('leaves every row unpublished when publishing fails, so the next attempt sends them again', async () => {
    const ids = await queue(3);
    await expect(store.publishNextBatch(10, async () => Promise.reject(new Error('broker down')))).rejects.toThrow(
      'broker down',
    );
    expect(await unpublished()).toEqual(ids);
    const retried: string[] = [];
    await store.publishNextBatch(10, async (rows) => void retried.push(...rows.map((r) => r.id)));
    expect(retried).toEqual(ids);
  });

  it('lets one relay publish at a time: a second one backs off while the first holds the batch', async () => {
    await queue(2);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = store.publishNextBatch(10, async () => {
      entered();
      await held;
    });
    await inside;
    expect(
      await otherRelay.publishNextBatch(10, async () => expect.unreachable('the second relay must not publish')),
    ).toBeNull();
    release();
    expect(await first).toBe(2);
    expect(await otherRelay.publishNextBatch(10, async () => undefined)).toBe(0); // its turn now, nothing left
  });

  it('a crash after Kafka acknowledged but before the rows were marked sends them again: a duplicate, never a loss', async () => {
    const ids = await queue(3);
    // The relay's connection dies while Kafka holds the batch, as it does when the process is killed there.
    const sent: string[][] = [];
    await expect(
      store.publishNextBatch(10, async (rows) => {
        sent.push(rows.map((r) => r.id));
        await db.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction' AND datname = current_database() AND pid <> pg_backend_pid()`,
        );
      }),
    ).rejects.toThrow();
    expect(await unpublished()).toEqual(ids);
    // The restarted relay resumes from the first unpublished row.
    expect(await store.publishNextBatch(10, async (rows) => void sent.push(rows.map((r) => r.id)))).toBe(3);
    expect(sent).toEqual([ids, ids]);
    expect(await unpublished()).toEqual([]);
  });

  it('parks the rows publish refuses, with their reason, marks the rest published, and never hands them over again', async () => {
    const ids = await queue(4);
    const marked: { latencies: number[]; parked: string[] }[] = [];
    const handled = await store.publishNextBatch(
      10,
      async () => [{ id: ids[1], reason: 'record of 2000000 bytes over the 1048588 bytes product.events accepts' }],
      (latencies, parked) => marked.push({ latencies, parked: parked.map((p) => p.id) }),
    );
    expect(handled).toBe(4);
    expect(marked).toEqual([
      { latencies: [expect.any(Number), expect.any(Number), expect.any(Number)], parked: [ids[1]] },
    ]);
    const { rows } = await db.query(
      'SELECT id, published_at IS NOT NULL AS published, parked_at IS NOT NULL AS parked, park_reason FROM outbox_events ORDER BY id',
    );
    expect(rows.map((r) => [r.id, r.published, r.parked])).toEqual([
      [ids[0], true, false],
      [ids[1], false, true],
      [ids[2], true, false],
      [ids[3], true, false],
    ]);
    expect(rows[1].park_reason).toContain('over the 1048588 bytes');
    expect(await store.countUnpublished()).toBe(0);
    const later = await queue(1);
    const handedOver: string[] = [];
    await store.publishNextBatch(10, async (batch) => void handedOver.push(...batch.map((r) => r.id)));
    expect(handedOver).toEqual(later);
    const parked = await store.parked();
    expect(parked).toMatchObject({ count: 1, newest: { version: 1, reason: rows[1].park_reason } });
    // Retention deletes published rows only: a parked row stays for a person to look at.
    await db.query(`UPDATE outbox_events SET created_at = now() - interval '30 days'`);
    await store.deletePublishedBefore(0, 100);
    expect((await db.query('SELECT id FROM outbox_events')).rows.map((r) => r.id)).toEqual([ids[1]]);
  });

  it('deletes rows published longer ago than the retention, in batches, and never an unpublished row', async () => {
    const ids = await queue(6);
    await db.query(`UPDATE outbox_events SET published_at = now() - interval '2 hours' WHERE id = ANY($1::bigint[])`, [
      ids.slice(0, 3),
    ]);
    await db.query(`UPDATE outbox_events SET published_at = now() - interval '10 minutes' WHERE id = $1`, [ids[3]]);
    await db.query(`UPDATE outbox_events SET created_at = now() - interval '30 days' WHERE id = ANY($1::bigint[])`, [
      ids.slice(4),
    ]); // old, unpublished
    const hour = 60 * 60 * 1000;
    expect(await store.deletePublishedBefore(hour, 2)).toBe(2);
    expect(await store.deletePublishedBefore(hour, 2)).toBe(1);
    expect(await store.deletePublishedBefore(hour, 2)).toBe(0);
    const left = (await db.query<{ id: string }>('SELECT id FROM outbox_events ORDER BY id')).rows.map((r) => r.id);
    expect(left).toEqual(ids.slice(3));
    expect(await unpublished()).toEqual(ids.slice(4));
  });
});
