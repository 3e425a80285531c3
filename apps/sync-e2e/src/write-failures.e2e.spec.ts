import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProcess } from './support/app-process.js';
import { apiDb, closeDatabases, resetDatabases } from './support/databases.js';
import { e2eEnv } from './support/env.js';
import { fuzzRequest, type FuzzRequest, type FuzzResponse } from './support/fuzz-request.js';
import { skipToEndOfTopic } from './support/kafka.js';
import { drainedAndEqual } from './support/pipeline.js';
import { apps } from './support/stack.js';
import { TcpProxy } from './support/tcp-proxy.js';

const database = new URL(e2eEnv.apiDatabaseUrl);
/** api-service reaches its database only through this proxy; the relay and the test connect directly. */
const proxy = new TcpProxy({ host: database.hostname, port: Number(database.port || 5432) }, 15_432);
const api = new AppProcess('api-service', `${e2eEnv.apiUrl}/health`, {
  API_SERVICE_DATABASE_URL: proxy.proxied(e2eEnv.apiServiceDatabaseUrl),
});

const json = { 'content-type': 'application/json' };
const send = (method: string, path: string, body?: unknown): Promise<FuzzResponse> =>
  fuzzRequest({ app: 'api', method, path, headers: json, body: body === undefined ? undefined : JSON.stringify(body) });
const create = (sku: string) => send('POST', '/products', { sku, name: sku, price: 1, stock: 1 });

beforeAll(async () => {
  await resetDatabases();
  await skipToEndOfTopic();
  await proxy.open();
  await Promise.all([apps.producer.start(), apps.consumer.start(), api.start()]);
});
afterAll(async () => {
  await Promise.all([apps.producer.stop(), apps.consumer.stop(), api.stop()]);
  await proxy.close();
  await closeDatabases();
});

describe('writes that collide or lose their database', () => {
  it('two PATCHes swapping skus between two products, repeated: each answers 200 or 409, never 500', async () => {
    const statuses = new Map<number, number>();
    for (let round = 0; round < 25; round++) {
      const [a, b] = await Promise.all([create(`SWAP-A-${round}`), create(`SWAP-B-${round}`)]);
      const [ida, idb] = [a, b].map((r) => (r.body as { id: string }).id);
      const answers = await Promise.all([
        send('PATCH', `/products/${ida}`, { sku: `SWAP-B-${round}` }),
        send('PATCH', `/products/${idb}`, { sku: `SWAP-A-${round}` }),
      ]);
      for (const { status, body } of answers) {
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect([200, 409], JSON.stringify(body)).toContain(status);
      }
    }
    console.log(`sku swaps: ${JSON.stringify(Object.fromEntries(statuses))}`);
    await drainedAndEqual();
  });

  it('PostgreSQL cut under a stream of creates: 503 + Retry-After saying whether anything was written, never 500', async () => {
    const answers: { sku: string; response: FuzzResponse }[] = [];
    let writing = true;
    const writer = async () => {
      while (writing) {
        const sku = `CUT-${randomUUID().slice(0, 12)}`;
        const request: FuzzRequest = { app: 'api', method: 'POST', path: '/products', headers: json };
        const response = await fuzzRequest({
          ...request,
          body: JSON.stringify({ sku, name: sku, price: 2, stock: 2 }),
        });
        answers.push({ sku, response });
        await sleep(20);
      }
    };
    const writers = Promise.all([writer(), writer(), writer()]);
    await sleep(2_000);
    await proxy.cut();
    await sleep(5_000);
    await proxy.open();
    await sleep(3_000);
    writing = false;
    await writers;

    const committed = new Set(
      (await apiDb.query<{ sku: string }>("SELECT sku FROM products WHERE sku LIKE 'CUT-%'")).rows.map((r) => r.sku),
    );
    const byStatus = (status: number) => answers.filter((a) => a.response.status === status);
    const unavailable = byStatus(503).map((a) => a.response.body as { written: false | 'unknown'; statusCode: number });
    const saidNotWritten = byStatus(503).filter((a) => (a.response.body as { written: unknown }).written === false);
    console.log(
      `database cut: ${answers.length} creates, ${byStatus(201).length} × 201, ${unavailable.length} × 503 ` +
        `(${saidNotWritten.length} "nothing written"), ${committed.size} committed`,
    );
    expect(answers.filter((a) => a.response.status !== 201 && a.response.status !== 503)).toEqual([]);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((b) => b.statusCode === 503)).toBe(true);
    expect(byStatus(503).map((a) => a.response.headers.get('retry-after'))).toEqual(unavailable.map(() => '2'));
    // Every 201 committed; no write answered "nothing written" committed.
    expect(byStatus(201).filter((a) => !committed.has(a.sku))).toEqual([]);
    expect(saidNotWritten.filter((a) => committed.has(a.sku)).map((a) => a.sku)).toEqual([]);
    // The API serves again once the database is back.
    expect((await create(`CUT-after-${randomUUID().slice(0, 8)}`)).status).toBe(201);
    await drainedAndEqual();
  });
});
