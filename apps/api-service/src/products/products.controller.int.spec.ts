import type { INestApplication } from '@nestjs/common';
import { validateProductEvent } from '@nestjs-kafka-sync/contracts';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SyncStateService } from '../sync/sync-state.service.js';
import { createTestApp, testDatabase } from '../testing/test-app.js';

let app: INestApplication;
let db: pg.Pool;
const http = () => request(app.getHttpServer());

const valid = { sku: 'MUG-1', name: 'Enamel mug', description: 'Holds 350 ml.', price: 12.5, stock: 7 };

async function counts() {
  const { rows } = await db.query(
    'SELECT (SELECT count(*) FROM products)::int AS products, (SELECT count(*) FROM outbox_events)::int AS outbox',
  );
  return rows[0] as { products: number; outbox: number };
}

async function outboxEvents(productId: string) {
  const { rows } = await db.query(
    'SELECT event_type, version, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY id',
    [productId],
  );
  return rows as { event_type: string; version: number; payload: unknown }[];
}

beforeAll(async () => {
  app = await createTestApp();
  db = testDatabase();
});
afterAll(async () => {
  await app.close();
  await db.end();
});
beforeEach(() => db.query('TRUNCATE products, outbox_events, product_sync_state'));

describe('POST /products', () => {
  it('creates version 1 and commits its product.created event with it', async () => {
    const res = await http().post('/products').send(valid).expect(201);
    expect(res.body).toMatchObject({
      ...valid,
      price: '12.50',
      version: 1,
      sync: { status: 'pending', replicatedVersion: null, reason: null },
    });
    expect(res.headers.etag).toBe('"1"');

    const [event] = await outboxEvents(res.body.id);
    expect(event).toMatchObject({ event_type: 'product.created', version: 1 });
    const { sync: _sync, ...state } = res.body;
    expect(validateProductEvent(event.payload)).toMatchObject({
      ok: true,
      value: { productId: res.body.id, product: state },
    });
  });

  it.each([
    ['sku', { sku: '' }, /sku must be longer than or equal to 1 characters/],
    ['sku', { sku: 'has space' }, /sku must start with a letter or digit/],
    ['name', { name: undefined }, /name must be a string/],
    ['name', { name: 'x'.repeat(201) }, /name must be shorter than or equal to 200 characters/],
    ['description', { description: 42 }, /description must be a string/],
    ['price', { price: -1 }, /price must not be less than 0/],
    ['price', { price: 1.234 }, /price must be a number with at most 2 decimal places/],
    ['price', { price: 1e-7 }, /price must be a number with at most 2 decimal places/],
    ['price', { price: '12' }, /price must be a number/],
    ['stock', { stock: -1 }, /stock must not be less than 0/],
    ['stock', { stock: 1.5 }, /stock must be an integer number/],
    ['color', { color: 'red' }, /property color should not exist/],
  ])('rejects a bad %s with 400 naming it, and writes nothing', async (field, override, reason) => {
    const res = await http()
      .post('/products')
      .send({ ...valid, ...override })
      .expect(400);
    expect(res.body.errors).toContainEqual({ field, reason: expect.stringMatching(reason) });
    expect(await counts()).toEqual({ products: 0, outbox: 0 });
  });

  it('rejects malformed JSON with 400 and writes nothing', async () => {
    const res = await http().post('/products').set('content-type', 'application/json').send('{"sku": "A",').expect(400);
    expect(res.body.message).toMatch(/JSON/);
    expect(await counts()).toEqual({ products: 0, outbox: 0 });
  });

  it('answers 409 for a duplicate sku and writes nothing more', async () => {
    await http().post('/products').send(valid).expect(201);
    const res = await http()
      .post('/products')
      .send({ ...valid, name: 'Other' })
      .expect(409);
    expect(res.body.errors).toEqual([{ field: 'sku', reason: 'already exists' }]);
    expect(await counts()).toEqual({ products: 1, outbox: 1 });
  });
});

describe('reading', () => {
  it('GET /products/:id returns the product with its ETag; 404 unknown; 400 not a uuid', async () => {
    const { body: created } = await http().post('/products').send(valid).expect(201);
    const res = await http().get(`/products/${created.id}`).expect(200);
    expect(res.body).toEqual(created);
    expect(res.headers.etag).toBe('"1"');
    await http().get('/products/00000000-0000-4000-8000-000000000000').expect(404);
    const bad = await http().get('/products/not-a-uuid').expect(400);
    expect(bad.body.errors).toEqual([{ field: 'id', reason: 'must be a UUID' }]);
  });

  it('GET /products pages and filters by name and sku', async () => {
    for (const [sku, name] of [
      ['A-1', 'Red mug'],
      ['A-2', 'Blue mug'],
      ['A-3', 'Plate'],
    ]) {
      await http()
        .post('/products')
        .send({ ...valid, sku, name })
        .expect(201);
    }
    const page = await http().get('/products?page=2&pageSize=2').expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 2, total: 3, items: [{ sku: 'A-3' }] });
    const byName = await http().get('/products?name=MUG').expect(200);
    expect(byName.body.items.map((p: { sku: string }) => p.sku)).toEqual(['A-1', 'A-2']);
    const bySku = await http().get('/products?sku=A-2').expect(200);
    expect(bySku.body).toMatchObject({ total: 1, items: [{ name: 'Blue mug' }] });
    const bad = await http().get('/products?pageSize=1000').expect(400);
    expect(bad.body.errors).toContainEqual({ field: 'pageSize', reason: 'pageSize must not be greater than 100' });
  });
});

describe('changing', () => {
  it('PATCH changes only the given fields, bumps the version and records product.updated', async () => {
    const { body: created } = await http().post('/products').send(valid).expect(201);
    const res = await http().patch(`/products/${created.id}`).send({ stock: 3 }).expect(200);
    expect(res.body).toMatchObject({ ...created, stock: 3, version: 2, updatedAt: expect.any(String) });
    const events = await outboxEvents(created.id);
    expect(events.map((e) => [e.event_type, e.version])).toEqual([
      ['product.created', 1],
      ['product.updated', 2],
    ]);
  });

  it('PATCH with an empty body or a bad field is a 400 that changes nothing', async () => {
    const { body: created } = await http().post('/products').send(valid).expect(201);
    await http().patch(`/products/${created.id}`).send({}).expect(400);
    const res = await http().patch(`/products/${created.id}`).send({ stock: -5 }).expect(400);
    expect(res.body.errors).toEqual([{ field: 'stock', reason: 'stock must not be less than 0' }]);
    expect(await counts()).toEqual({ products: 1, outbox: 1 });
    expect((await http().get(`/products/${created.id}`)).body.version).toBe(1);
  });

  it('PATCH with null for a required field is a 400 naming it; null clears the description', async () => {
    const { body: created } = await http().post('/products').send(valid).expect(201);
    for (const field of ['name', 'sku', 'price', 'stock']) {
      const res = await http()
        .patch(`/products/${created.id}`)
        .send({ [field]: null })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const cleared = await http().patch(`/products/${created.id}`).send({ description: null }).expect(200);
    expect(cleared.body).toMatchObject({ description: null, version: 2 });
  });

  it('refuses text PostgreSQL cannot store with a 400, not a 500', async () => {
    const res = await http()
      .post('/products')
      .send({ ...valid, name: 'mug\u0000' })
      .expect(400);
    expect(res.body.errors).toEqual([{ field: 'name', reason: 'must not contain NUL characters' }]);
    expect(await counts()).toEqual({ products: 0, outbox: 0 });
  });

  it('PUT replaces every field, clearing an omitted description', async () => {
    const { body: created } = await http().post('/products').send(valid).expect(201);
    const { description: _d, ...withoutDescription } = valid;
    const res = await http()
      .put(`/products/${created.id}`)
      .send({ ...withoutDescription, name: 'Renamed' })
      .expect(200);
    expect(res.body).toMatchObject({ name: 'Renamed', description: null, version: 2 });
    await http().put(`/products/${created.id}`).send({ name: 'only a name' }).expect(400);
  });

  it('If-Match: the current version succeeds, a stale one is 412 and changes nothing', async () => {
    const { body: created } = await http().post('/products').send(valid).expect(201);
    await http().patch(`/products/${created.id}`).set('If-Match', '"1"').send({ stock: 1 }).expect(200);
    const stale = await http().patch(`/products/${created.id}`).set('If-Match', '"1"').send({ stock: 2 }).expect(412);
    expect(stale.body).toMatchObject({ currentVersion: 2 });
    await http().delete(`/products/${created.id}`).set('If-Match', 'W/"1"').expect(412);
    await http().patch(`/products/${created.id}`).set('If-Match', 'banana').send({ stock: 2 }).expect(400);
    expect(await counts()).toEqual({ products: 1, outbox: 2 });
  });

  it('concurrent PATCHes each get their own version, and the outbox has them in order', async () => {
    const { body: created } = await http().post('/products').send(valid).expect(201);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => http().patch(`/products/${created.id}`).send({ stock: i })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(results.map((r) => r.body.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect((await outboxEvents(created.id)).map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('DELETE removes the product and records product.deleted at the next version', async () => {
    const { body: created } = await http().post('/products').send(valid).expect(201);
    await http().delete(`/products/${created.id}`).set('If-Match', '"1"').expect(204);
    await http().get(`/products/${created.id}`).expect(404);
    await http().delete(`/products/${created.id}`).expect(404);
    const events = await outboxEvents(created.id);
    expect(events.at(-1)).toMatchObject({
      event_type: 'product.deleted',
      version: 2,
      payload: { product: { sku: valid.sku, version: 2 } },
    });
  });

  it('unknown ids are 404 for every write', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await http().patch(`/products/${id}`).send({ stock: 1 }).expect(404);
    await http().put(`/products/${id}`).send(valid).expect(404);
    await http().delete(`/products/${id}`).expect(404);
    expect(await counts()).toEqual({ products: 0, outbox: 0 });
  });
});

describe('sync status and Prefer: wait-for-sync (acks recorded as the Kafka consumer would)', () => {
  const ack = (
    productId: string,
    version: number,
    status: 'applied' | 'stale' | 'rejected' = 'applied',
    reason: string | null = null,
  ) =>
    app.get(SyncStateService).record({
      schemaVersion: 1,
      productId,
      version,
      status,
      reason,
      eventId: null,
      acknowledgedAt: new Date().toISOString(),
    });

  it('shows in-sync once the replica acknowledged the current version, pending for a newer one', async () => {
    const { body: created } = await http().post('/products').send(valid).expect(201);
    await ack(created.id, 1);
    expect((await http().get(`/products/${created.id}`)).body.sync).toEqual({
      status: 'in-sync',
      replicatedVersion: 1,
      reason: null,
    });
    await http().patch(`/products/${created.id}`).send({ stock: 1 }).expect(200);
    expect((await http().get(`/products/${created.id}`)).body.sync).toEqual({
      status: 'pending',
      replicatedVersion: 1,
      reason: null,
    });
    await ack(created.id, 1, 'stale'); // a redelivered old ack changes nothing
    const list = await http().get('/products').expect(200);
    expect(list.body.items[0].sync).toEqual({ status: 'pending', replicatedVersion: 1, reason: null });
  });

  it('shows failed with the reason when the replica rejected the current version', async () => {
    const { body: created } = await http().post('/products').send(valid).expect(201);
    await ack(created.id, 1, 'rejected', 'product.price: bad');
    expect((await http().get(`/products/${created.id}`)).body.sync).toEqual({
      status: 'failed',
      replicatedVersion: null,
      reason: 'product.price: bad',
    });
  });

  it('answers 202 pending when no ack comes within the wait, never an error', async () => {
    const started = Date.now();
    const res = await http().post('/products').set('Prefer', 'wait-for-sync=300').send(valid).expect(202);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(res.headers['preference-applied']).toBe('wait-for-sync=300');
    expect(res.body).toMatchObject({ sku: valid.sku, version: 1, sync: { status: 'pending' } });
    expect(await counts()).toEqual({ products: 1, outbox: 1 }); // the write itself is done
  });

  it('answers as soon as the ack arrives, with status in-sync', async () => {
    const { body: created } = await http().post('/products').send(valid).expect(201);
    const waiting = http().patch(`/products/${created.id}`).set('Prefer', 'wait-for-sync=10000').send({ stock: 2 });
    const response = new Promise<request.Response>((resolve, reject) => waiting.then(resolve, reject));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await ack(created.id, 2);
    const res = await response;
    expect(res.status).toBe(200);
    expect(res.body.sync).toEqual({ status: 'in-sync', replicatedVersion: 2, reason: null });
  });

  it('DELETE with wait-for-sync: 202 with the pending version, or 204 once acknowledged', async () => {
    const { body: first } = await http().post('/products').send(valid).expect(201);
    const pending = await http().delete(`/products/${first.id}`).set('Prefer', 'wait-for-sync=100').expect(202);
    expect(pending.body).toEqual({
      id: first.id,
      version: 2,
      sync: { status: 'pending', replicatedVersion: null, reason: null },
    });

    const { body: second } = await http()
      .post('/products')
      .send({ ...valid, sku: 'MUG-2' })
      .expect(201);
    await ack(second.id, 2); // as if the delete had already been applied
    await http().delete(`/products/${second.id}`).set('Prefer', 'wait-for-sync=5000').expect(204);
  });
});
