import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { e2eEnv, required } from './env.js';
import { eventually } from './eventually.js';

export interface Product {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  price: string;
  stock: number;
  version: number;
  sync: { status: 'in-sync' | 'pending' | 'failed'; replicatedVersion: number | null; reason: string | null };
}

/** The test stack's keys (infra/env.mjs): one per role, and one with no scope at all. */
export const testKeys = {
  writer: required('TEST_API_KEY_WRITER'),
  admin: required('TEST_API_KEY_ADMIN'),
  noScope: required('TEST_API_KEY_NO_SCOPE'),
  learner: required('TEST_API_KEY_LEARNER'),
};

/**
 * The key a well-behaved client sends for this request: product writes need `products:write`,
 * reads none, anything else (reconciliation, sync status) `admin`.
 */
export function authFor(method: string, path: string): Record<string, string> {
  const products = /^\/products(\/|\?|$)/.test(path);
  if (products && (method === 'GET' || method === 'HEAD')) return {};
  return { authorization: `Bearer ${products ? testKeys.writer : testKeys.admin}` };
}

export async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${e2eEnv.apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...authFor(method, path), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function expectStatus<T>(expected: number, request: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await request;
  if (status !== expected) throw new Error(`expected HTTP ${expected}, got ${status}: ${JSON.stringify(body)}`);
  return body;
}

export const api = {
  get: (id: string) => expectStatus<Product>(200, call('GET', `/products/${id}`)),
  create: (input: { sku: string; name: string; price: number; stock: number; description?: string }) =>
    expectStatus<Product>(201, call('POST', '/products', input)),
  patch: (id: string, changes: Partial<Omit<Product, 'id' | 'price' | 'version' | 'sync'> & { price: number }>) =>
    expectStatus<Product>(200, call('PATCH', `/products/${id}`, changes)),
  remove: (id: string) => expectStatus<undefined>(204, call('DELETE', `/products/${id}`)),
};

/** The replica as product-consumer's read API shows it; null while it does not have the product. */
export async function catalogProduct(id: string): Promise<Product | null> {
  const response = await fetch(`${e2eEnv.consumerUrl}/catalog/products/${id}`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`catalog answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Product;
}

/** Waits until the replica holds `version` of the product (or, with null, no longer holds it). */
export async function replicated(id: string, version: number | null): Promise<Product | null> {
  return eventually(async () => {
    const copy = await catalogProduct(id);
    if ((copy?.version ?? null) !== version)
      throw new Error(
        `replica has ${id} at ${copy ? `v${copy.version}` : 'nothing'}, want ${version === null ? 'nothing' : `v${version}`}`,
      );
    return copy;
  });
}

/** Creates a product through the API every `everyMs` for `forMs` (each write awaited), and returns them. */
export async function keepCreating(forMs: number, everyMs = 250): Promise<Product[]> {
  const until = Date.now() + forMs;
  const created: Product[] = [];
  while (Date.now() < until) {
    created.push(
      await api.create({ sku: `KC-${randomUUID().slice(0, 8)}`, name: `n${created.length}`, price: 1, stock: 1 }),
    );
    await sleep(everyMs);
  }
  return created;
}
