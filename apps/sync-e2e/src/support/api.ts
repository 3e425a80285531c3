import { e2eEnv } from './env.js';

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

export async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${e2eEnv.apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
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
