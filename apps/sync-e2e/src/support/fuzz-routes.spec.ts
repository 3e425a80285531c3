import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyRequest, POOL_ID } from './fuzz-routes.js';
import { FuzzTally } from './fuzz-tally.js';

const sample = (seed: number, numRuns: number) => fc.sample(anyRequest, { seed, numRuns });

describe('fuzz requests', () => {
  it('are repeatable from a seed', () => {
    expect(sample(42, 200)).toEqual(sample(42, 200));
    expect(sample(42, 200)).not.toEqual(sample(43, 200));
  });

  it('are all sendable (method, headers, body) and reach every route of both apps', () => {
    const requests = sample(7, 3_000);
    const routes = new Set<string>();
    for (const r of requests) {
      const path = r.path.replace(POOL_ID, '00000000-0000-4000-8000-000000000000');
      // fetch validates the same way: an unsendable header or method would throw here, not on the wire.
      expect(
        () => new Request(`http://127.0.0.1${path}`, { method: r.method, headers: r.headers, body: r.body }),
      ).not.toThrow();
      routes.add(`${r.app} ${r.method} ${path.split('?')[0].replace(/\/products\/[^/]+$/, '/products/:id')}`);
    }
    for (const route of [
      'api GET /products',
      'api GET /products/:id',
      'api POST /products',
      'api PATCH /products/:id',
      'api PUT /products/:id',
      'api DELETE /products/:id',
      'api POST /reconciliation/repair',
      'api GET /sync/status',
      'catalog GET /catalog/products',
      'catalog GET /catalog/products/:id',
    ])
      expect(routes).toContain(route);
  }, 30_000);

  it('the tally counts accepted writes and catches 5xx and answers off the error shape', () => {
    const tally = new FuzzTally();
    const post = { app: 'api' as const, method: 'POST', path: '/products', headers: {} };
    tally.record(post, { status: 201, body: {}, headers: new Headers() });
    tally.record(
      { ...post, method: 'DELETE', path: '/products/x' },
      { status: 204, body: undefined, headers: new Headers() },
    );
    tally.record(post, {
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'x' },
      headers: new Headers(),
    });
    tally.record(post, { status: 413, body: { statusCode: 413, message: 'x' }, headers: new Headers() });
    tally.record(post, { status: 500, body: {}, headers: new Headers() });
    expect({ writes: tally.writes, products: tally.products, failures: tally.failures.length }).toEqual({
      writes: 2,
      products: 0,
      failures: 2,
    });
  });
});
