import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, authFor, call, type Product } from './support/api.js';
import { catalogDb } from './support/databases.js';
import { e2eEnv } from './support/env.js';
import { eventually } from './support/eventually.js';
import { AppProcess } from './support/app-process.js';
import { apps, useRunningSystem } from './support/stack.js';

interface SyncStatus {
  outbox: { unpublished: number };
  pendingProducts: number;
  lag: { topic: string; total: number; partitions: unknown[] }[];
  lastAckAt: string;
  deadLetters: number | null;
}

const wait = (ms: number) => ({ Prefer: `wait-for-sync=${ms}` });
const newProduct = () => ({ sku: `ACK-${randomUUID().slice(0, 8)}`, name: 'Acknowledged', price: 2.5, stock: 4 });

describe('acknowledgements close the loop: api-service knows when the replica has a change', () => {
  useRunningSystem();

  it('records replicatedVersion = version after create, update and delete', async () => {
    const created = await api.create(newProduct());
    await eventually(async () =>
      expect((await api.get(created.id)).sync).toEqual({ status: 'in-sync', replicatedVersion: 1, reason: null }),
    );
    await api.patch(created.id, { stock: 9 });
    await eventually(async () =>
      expect((await api.get(created.id)).sync).toMatchObject({ status: 'in-sync', replicatedVersion: 2 }),
    );
    const deleted = await call('DELETE', `/products/${created.id}`, undefined, wait(10_000));
    expect(deleted.status).toBe(204); // answered only once the replica dropped it
    console.log('acks: create, update and delete each acknowledged at their version');
  });

  it('a waiting write with the consumer running answers in-sync', async () => {
    const created = await call<Product>('POST', '/products', newProduct(), wait(10_000));
    expect(created.status).toBe(201);
    expect(created.body.sync).toEqual({ status: 'in-sync', replicatedVersion: 1, reason: null });
    const updated = await call<Product>('PATCH', `/products/${created.body.id}`, { name: 'Renamed' }, wait(10_000));
    expect(updated.status).toBe(200);
    expect(updated.body.sync).toEqual({ status: 'in-sync', replicatedVersion: 2, reason: null });
  });

  it('with the consumer stopped a waiting write answers 202 pending, and turns in-sync once it is back', async () => {
    await apps.consumer.stop();
    const started = Date.now();
    const pending = await call<Product>('POST', '/products', newProduct(), wait(1500));
    expect(pending.status).toBe(202);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(pending.body.sync).toEqual({ status: 'pending', replicatedVersion: null, reason: null });

    await apps.consumer.start();
    await eventually(async () => expect((await api.get(pending.body.id)).sync.status).toBe('in-sync'));
    console.log('acks: 202 pending while the consumer was down, in-sync after it restarted');
  });

  it('a version the replica refuses shows as failed with the reason, and a waiting write says so at once', async () => {
    const created = await call<Product>('POST', '/products', newProduct(), wait(10_000));
    // The replica's database refuses what the source accepts: a constraint only the replica has.
    await catalogDb.query("ALTER TABLE catalog_products ADD CONSTRAINT e2e_no_forbidden CHECK (name <> 'forbidden')");
    try {
      const refused = await call<Product>('PATCH', `/products/${created.body.id}`, { name: 'forbidden' }, wait(10_000));
      expect(refused.status).toBe(200);
      expect(refused.body.sync).toMatchObject({
        status: 'failed',
        replicatedVersion: 1,
        reason: expect.stringMatching(/SQLSTATE 23514.*e2e_no_forbidden/),
      });
    } finally {
      await catalogDb.query('ALTER TABLE catalog_products DROP CONSTRAINT e2e_no_forbidden');
    }
    // A later version gets through again.
    const fixed = await call<Product>('PATCH', `/products/${created.body.id}`, { name: 'allowed' }, wait(10_000));
    expect(fixed.body.sync).toEqual({ status: 'in-sync', replicatedVersion: 3, reason: null });
    console.log('acks: a refused version showed as failed with its reason; the next version synced');
  });

  it('api-service serves writes while it cannot reach Kafka, and its health says why', async () => {
    const port = 13010;
    const isolated = new AppProcess('api-service', `http://127.0.0.1:${port}/products`, {
      API_SERVICE_PORT: String(port),
      KAFKA_BROKERS: '127.0.0.1:1', // nothing listens there
      SYNC_ACKS_GROUP_ID: 'api-service-sync-acks-isolated',
    });
    await isolated.start();
    try {
      const response = await fetch(`http://127.0.0.1:${port}/products`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authFor('POST', '/products') },
        body: JSON.stringify(newProduct()),
      });
      expect(response.status).toBe(201); // committed with its outbox row; the relay publishes it
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ error: { 'sync-acks-consumer': { status: 'down' } } });
      const { id } = (await response.json()) as Product;
      await eventually(async () => expect((await api.get(id)).sync.status).toBe('in-sync')); // through the rest of the system
    } finally {
      await isolated.stop();
    }
  });

  it('GET /sync/status shows a drained pipeline: no backlog, no lag, the last ack time', async () => {
    const status = await eventually(async () => {
      const res = await fetch(`${e2eEnv.apiUrl}/sync/status`, { headers: authFor('GET', '/sync/status') });
      const body = (await res.json()) as SyncStatus;
      expect(body).toMatchObject({ outbox: { unpublished: 0 }, pendingProducts: 0 });
      expect(body.lag.map((g) => [g.topic, g.total])).toEqual([
        ['product.events', 0],
        ['product.sync-acks', 0],
      ]);
      return body;
    });
    expect(status.lag[0].partitions).toHaveLength(3);
    expect(Date.parse(status.lastAckAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(status.deadLetters).toEqual(expect.any(Number)); // what product.events.dlq holds, from earlier tests too
  });
});
