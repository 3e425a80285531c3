import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, testKeys } from './support/api.js';
import { e2eEnv } from './support/env.js';
import { edgeApi, useRunningSystem } from './support/stack.js';

type Need = 'open' | 'products:write' | 'admin';
interface Route {
  app: 'api' | 'consumer';
  method: string;
  path: () => string;
  need: Need;
  /** What the right caller gets: 2xx, or the 4xx the route answers by design (an unknown id). */
  expected: number;
  body?: () => unknown;
}

let product = '';
const missing = randomUUID();
const newProduct = () => ({ sku: `SEC-${randomUUID().slice(0, 8)}`, name: 'Secured', price: 2, stock: 1 });

/** Every HTTP route of both apps (Swagger's /docs is no Nest route: it is on in development). */
const ROUTES: Route[] = [
  { app: 'api', method: 'GET', path: () => '/products', need: 'open', expected: 200 },
  { app: 'api', method: 'GET', path: () => `/products/${product}`, need: 'open', expected: 200 },
  { app: 'api', method: 'POST', path: () => '/products', need: 'products:write', expected: 201, body: newProduct },
  {
    app: 'api',
    method: 'PATCH',
    path: () => `/products/${product}`,
    need: 'products:write',
    expected: 200,
    body: () => ({ stock: 3 }),
  },
  {
    app: 'api',
    method: 'PUT',
    path: () => `/products/${missing}`,
    need: 'products:write',
    expected: 404,
    body: newProduct,
  },
  { app: 'api', method: 'DELETE', path: () => `/products/${missing}`, need: 'products:write', expected: 404 },
  { app: 'api', method: 'GET', path: () => '/sync/status', need: 'admin', expected: 200 },
  { app: 'api', method: 'GET', path: () => '/reconciliation', need: 'admin', expected: 200 },
  { app: 'api', method: 'POST', path: () => '/reconciliation/repair', need: 'admin', expected: 200 },
  { app: 'api', method: 'GET', path: () => '/health', need: 'open', expected: 200 },
  { app: 'consumer', method: 'GET', path: () => '/catalog/products', need: 'open', expected: 200 },
  { app: 'consumer', method: 'GET', path: () => `/catalog/products/${missing}`, need: 'open', expected: 404 },
  { app: 'consumer', method: 'GET', path: () => '/health', need: 'open', expected: 200 },
];

/** The four callers: none, a key no one issued, a valid key without the route's scope, the right one. */
const CALLERS = ['no key', 'wrong key', 'key without the scope', 'right key'] as const;
type Caller = (typeof CALLERS)[number];

function keyOf(caller: Caller, need: Need): string | undefined {
  if (caller === 'no key') return undefined;
  if (caller === 'wrong key') return `nks_${randomUUID()}`;
  if (caller === 'key without the scope') return need === 'admin' ? testKeys.writer : testKeys.noScope;
  return need === 'admin' ? testKeys.admin : testKeys.writer;
}

function expectedStatus(route: Route, caller: Caller): number {
  if (route.need === 'open' || caller === 'right key') return route.expected;
  return caller === 'key without the scope' ? 403 : 401;
}

const bodies: string[] = [];

async function send(base: string, method: string, path: string, key?: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(key && { authorization: `Bearer ${key}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  bodies.push(text);
  return { status: response.status, headers: response.headers, text };
}

describe('the HTTP edge: who may call what, limits, headers, and nothing leaked', () => {
  useRunningSystem();
  beforeAll(async () => {
    product = (await api.create(newProduct())).id;
  });

  const cases = ROUTES.flatMap((route) => CALLERS.map((caller) => [caller, route] as const));
  it.each(cases)('%s: %s', async (caller, route) => {
    const base = route.app === 'api' ? e2eEnv.apiUrl : e2eEnv.consumerUrl;
    const answer = await send(base, route.method, route.path(), keyOf(caller, route.need), route.body?.());
    expect(answer.status, `${route.method} ${route.path()}: ${answer.text}`).toBe(expectedStatus(route, caller));
    if (answer.status === 401) {
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
      expect(JSON.parse(answer.text)).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    }
    if (answer.status === 403)
      expect(JSON.parse(answer.text)).toMatchObject({ statusCode: 403, requiredScope: route.need });
  });

  it("sends helmet's headers and no X-Powered-By, from both apps", async () => {
    for (const base of [e2eEnv.apiUrl, e2eEnv.consumerUrl]) {
      const { headers } = await send(base, 'GET', base === e2eEnv.apiUrl ? '/products' : '/catalog/products');
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(headers.get('x-powered-by')).toBeNull();
    }
  });

  it('refuses a cross-origin preflight when no origin is configured', async () => {
    const preflight = await fetch(`${e2eEnv.apiUrl}/reconciliation/repair`, {
      method: 'OPTIONS',
      headers: { origin: 'https://attacker.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });

  describe('an api-service with a low limit, reads behind a key, and one allowed origin', () => {
    const port = Number(new URL(e2eEnv.apiUrl).port) + 20;
    const base = `http://127.0.0.1:${port}`;
    const edge = edgeApi(port, {
      RATE_LIMIT_WINDOW_MS: '60000',
      RATE_LIMIT_PER_KEY: '5',
      RATE_LIMIT_PER_IP: '100', // the start's /health polls count too
      READS_NEED_KEY: 'true',
      CORS_ORIGINS: 'https://shop.example',
    });
    beforeAll(() => edge.start());
    afterAll(() => edge.stop());

    it('lets only the configured origin through a preflight', async () => {
      const preflight = (origin: string) =>
        fetch(`${base}/products`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization',
          },
        });
      expect((await preflight('https://shop.example')).headers.get('access-control-allow-origin')).toBe(
        'https://shop.example',
      );
      expect((await preflight('https://attacker.example')).headers.get('access-control-allow-origin')).toBeNull();
    });

    it('makes reads need a key, any valid one, when READS_NEED_KEY is on', async () => {
      expect((await send(base, 'GET', '/products')).status).toBe(401);
      expect((await send(base, 'GET', '/products', testKeys.noScope)).status).toBe(200);
    });

    it('answers 429 with Retry-After past the per-key limit, then past the per-IP limit whatever the key', async () => {
      const withKey = [];
      for (let n = 0; n < 8; n++) withKey.push(await send(base, 'GET', '/products', testKeys.writer));
      expect(withKey.slice(0, 5).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const throttled = withKey.at(-1);
      expect(throttled?.status).toBe(429);
      expect(Number(throttled?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(JSON.parse(throttled?.text ?? '')).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });

      // Guessing keys from the same address: each guess is a new key, but the per-IP window fills up.
      const statuses = [];
      for (let n = 0; n < 120 && statuses.at(-1) !== 429; n++)
        statuses.push((await send(base, 'GET', '/products', `nks_${randomUUID()}`)).status);
      expect(statuses[0]).toBe(401);
      expect(statuses.at(-1)).toBe(429);
    });
  });

  it('never names a host, a user or a SQL error in any answer', () => {
    expect(bodies.length).toBeGreaterThan(ROUTES.length * CALLERS.length);
    for (const body of bodies)
      expect(body).not.toMatch(
        /127\.0\.0\.1|localhost|\w:\d{4,5}\b|postgres|ECONNREFUSED|SQLSTATE|syntax error|prisma|select |\bat .+\.js:\d+/i,
      );
  });
});
