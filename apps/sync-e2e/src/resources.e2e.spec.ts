import { afterEach, describe, expect, it } from 'vitest';
import { call, type Product } from './support/api.js';
import { expectReplicaEqualsSource, sourceProducts } from './support/databases.js';
import { eventually } from './support/eventually.js';
import { consumer, sampleConnections, syncWaiters, waitingCreate } from './support/resources.js';
import { edgeApi, useRunningSystem } from './support/stack.js';

// Bounded resources under load: waiting clients, admin scans and ordinary traffic share one system without
// starving it. The consumer is paused to make 500 requests wait at once, then resumed to see them all woken.
useRunningSystem();
afterEach(() => consumer('resume').catch(() => undefined));
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

describe('bounded resources', () => {
  it('500 waiting writes and 60 repairs at once: the API still answers, acks wake every waiter, connections stay bounded', async () => {
    const connections = sampleConnections();
    await consumer('pause');
    const waiting = times(500, (i) => waitingCreate(`WAIT-${i}`, 60_000));
    await eventually(async () => expect(await syncWaiters()).toBe(500), { timeoutMs: 30_000 });

    const repairs = Promise.all(times(60, () => call('POST', '/reconciliation/repair')));
    const started = Date.now();
    const ordinary = [];
    for (let i = 0; i < 10; i++) {
      ordinary.push(
        (await call<Product>('POST', '/products', { sku: `PLAIN-${i}`, name: 'x', price: 1, stock: 1 })).status,
      );
      ordinary.push((await call('GET', '/products?page=1')).status);
    }
    const ordinaryMs = Date.now() - started;
    const repairStatuses = (await repairs).map((r) => r.status);
    const resumedAt = Date.now();
    await consumer('resume');
    const answers = await Promise.all(waiting);
    const wokenMs = Date.now() - resumedAt;
    const { most, limit } = await connections.stop();

    expect(ordinary.every((status) => status === 201 || status === 200)).toBe(true);
    expect(repairStatuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(repairStatuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(answers.map((a) => `${a.status} ${a.body.sync?.status}`).filter((a) => a !== '201 in-sync')).toEqual([]);
    expect(most).toBeLessThan(limit);
    await eventually(() => expectReplicaEqualsSource(), { timeoutMs: 60_000 });
    const repaired = repairStatuses.filter((s) => s === 200).length;
    console.log(
      `resources: 500 waiting writes all 201 in-sync, the last answered ${wokenMs} ms after resume; 60 repairs: ` +
        `${repaired} × 200, ${60 - repaired} × 409; 10 plain POST + 10 GET meanwhile in ${ordinaryMs} ms; ` +
        `at most ${most} of ${limit} PostgreSQL connections`,
    );
  });

  it('a client that hangs up stops waiting at once', async () => {
    await consumer('pause');
    const hangUp = new AbortController();
    const waiting = times(20, (i) => waitingCreate(`HANGUP-${i}`, 60_000, hangUp.signal).catch(() => 'aborted'));
    await eventually(async () => expect(await syncWaiters()).toBe(20));

    hangUp.abort();

    expect(await Promise.all(waiting)).toEqual(times(20, () => 'aborted'));
    await eventually(async () => expect(await syncWaiters()).toBe(0), { timeoutMs: 2_000 });
  });

  it('past the cap of waiters, a write answers 503 with Retry-After and writes nothing', async () => {
    const capped = edgeApi(13_040, { WAIT_FOR_SYNC_MAX_WAITERS: '5' });
    await capped.start();
    try {
      await consumer('pause');
      const url = 'http://127.0.0.1:13040';
      const waiting = times(5, (i) => waitingCreate(`CAP-${i}`, 30_000, undefined, url));
      await eventually(async () => expect(await syncWaiters(url)).toBe(5));

      const refused = await waitingCreate('CAP-REFUSED', 30_000, undefined, url);

      expect(refused).toMatchObject({ status: 503, body: { written: false } });
      expect((await sourceProducts()).map((p) => p.sku)).not.toContain('CAP-REFUSED');
      await consumer('resume');
      expect((await Promise.all(waiting)).map((a) => a.status)).toEqual(times(5, () => 201));
    } finally {
      await capped.stop();
    }
  });
});
