import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  apiServiceClient,
  productConsumerClient,
  type ApiServiceSchemas,
  type ErrorResponse,
} from '@nestjs-kafka-sync/api-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { testKeys } from './support/api.js';
import { e2eEnv } from './support/env.js';
import { eventually } from './support/eventually.js';
import { conformance } from './support/openapi-conformance.js';
import { describeProblems, lintOpenApi } from './support/openapi-lint.js';
import { useRunningSystem } from './support/stack.js';

useRunningSystem();

const APPS = { 'api-service': e2eEnv.apiUrl, 'product-consumer': e2eEnv.consumerUrl } as const;
type App = keyof typeof APPS;
type Document = Parameters<typeof conformance>[0];
const live: Partial<Record<App, Document>> = {};

/** The live document, fetched once before the tests. */
function documentOf(app: App): Document {
  const document = live[app];
  if (!document) throw new Error(`${app}: no document fetched`);
  return document;
}

/** A value the previous assertions proved present. */
function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

const snapshot = (app: App) =>
  JSON.parse(readFileSync(new URL(`../../../libs/api-client/openapi/${app}.json`, import.meta.url), 'utf8'));

beforeAll(async () => {
  for (const [app, url] of Object.entries(APPS)) {
    const response = await fetch(`${url}/docs-json`);
    expect(response.status, `${app} serves its OpenAPI document (DOCS_ENABLED)`).toBe(200);
    live[app as App] = (await response.json()) as Document;
  }
});

describe.each(Object.keys(APPS) as App[])('the OpenAPI document of %s', (app) => {
  it("passes Redocly's recommended ruleset with no error", async () => {
    const report = await lintOpenApi(live[app]);
    console.log(`${app}: ${report.totals.errors} errors, ${report.totals.warnings} warnings (Redocly recommended)`);
    expect(report.totals.errors, describeProblems(report)).toBe(0);
  });

  it('is the committed snapshot the client is generated from (else: `npx nx run api-client:snapshot`)', () => {
    expect(live[app]).toEqual(snapshot(app));
  });
});

describe('a client generated from the document (openapi-typescript + openapi-fetch)', () => {
  const writer = apiServiceClient(e2eEnv.apiUrl, { apiKey: testKeys.writer });
  const anonymous = apiServiceClient(e2eEnv.apiUrl);
  const catalog = productConsumerClient(e2eEnv.consumerUrl);
  /** Each answer's status is documented and its body validates against the documented schema. */
  const expectDocumented = (
    app: App,
    method: string,
    path: string,
    result: { response: Response; data?: unknown; error?: unknown },
  ) =>
    expect(conformance(documentOf(app))(method, path, result.response.status, result.data ?? result.error)).toEqual([]);

  it('creates, reads, changes, lists and deletes a product, each answer as documented', async () => {
    const sku = `OA-${randomUUID().slice(0, 8)}`;
    const input: ApiServiceSchemas['CreateProductDto'] = {
      sku,
      name: 'Enamel mug',
      description: 'Holds 350 ml.',
      price: 12.5,
      stock: 3,
    };
    const created = await writer.POST('/products', { body: input });
    expect(created.response.status).toBe(201);
    expectDocumented('api-service', 'POST', '/products', created);
    const product = present(created.data);
    expect(product).toMatchObject({ sku, description: 'Holds 350 ml.', price: '12.50', stock: 3, version: 1 });
    const id = { path: { id: product.id } };

    const read = await writer.GET('/products/{id}', { params: id });
    expect(read.response.status).toBe(200);
    expectDocumented('api-service', 'GET', '/products/{id}', read);
    expect(read.response.headers.get('etag')).toBe('"1"');

    // The nullable string the generated type once made an object: null clears it.
    const changed = await writer.PATCH('/products/{id}', {
      params: { ...id, header: { 'If-Match': '"1"' } },
      body: { description: null, stock: 4 },
    });
    expect(changed.response.status).toBe(200);
    expectDocumented('api-service', 'PATCH', '/products/{id}', changed);
    expect(changed.data).toMatchObject({ description: null, stock: 4, version: 2 });

    const listed = await writer.GET('/products', { params: { query: { sku } } });
    expect(listed.response.status).toBe(200);
    expectDocumented('api-service', 'GET', '/products', listed);
    expect(listed.data?.items.map((p) => [p.id, p.version])).toEqual([[product.id, 2]]);

    const replica = await eventually(async () => {
      const copy = await catalog.GET('/catalog/products/{id}', { params: id });
      if (copy.data?.version !== 2)
        throw new Error(`replica has ${product.id} at ${copy.data?.version ?? copy.response.status}`);
      return copy;
    });
    expectDocumented('product-consumer', 'GET', '/catalog/products/{id}', replica);

    const deleted = await writer.DELETE('/products/{id}', { params: id });
    expect(deleted.response.status).toBe(204);
    expectDocumented('api-service', 'DELETE', '/products/{id}', deleted);

    const gone = await writer.GET('/products/{id}', { params: id });
    expect(gone.response.status).toBe(404);
    expectDocumented('api-service', 'GET', '/products/{id}', gone);
    const error: ErrorResponse | undefined = gone.error;
    expect(error).toEqual({ statusCode: 404, error: 'Not Found', message: `product ${product.id} does not exist` });
  });

  it('answers 4xx in the documented error shape: a missing key, a stale If-Match, an invalid field', async () => {
    const body = { sku: `OA-${randomUUID().slice(0, 8)}`, name: 'n', price: 1, stock: 1 };
    const unauthenticated = await anonymous.POST('/products', { body });
    expect(unauthenticated.response.status).toBe(401);
    expectDocumented('api-service', 'POST', '/products', unauthenticated);

    const product = present((await writer.POST('/products', { body })).data);
    const stale = await writer.PUT('/products/{id}', {
      params: { path: { id: product.id }, header: { 'If-Match': '"7"' } },
      body: { ...body, name: 'renamed' },
    });
    expect(stale.response.status).toBe(412);
    expectDocumented('api-service', 'PUT', '/products/{id}', stale);
    expect(stale.error).toMatchObject({ statusCode: 412, currentVersion: 1 });

    const invalid = await writer.PATCH('/products/{id}', {
      params: { path: { id: product.id } },
      body: { price: -1 },
    });
    expect(invalid.response.status).toBe(400);
    expectDocumented('api-service', 'PATCH', '/products/{id}', invalid);
    expect(invalid.error?.errors).toEqual([{ field: 'price', reason: 'price must not be less than 0' }]);
  });
});
