import fc from 'fast-check';
import type { FuzzRequest } from './fuzz-request.js';
import { edgeNumber, edgeText, nestedText, oddValue, toJsonText, validProduct } from './fuzz-inputs.js';

/** Stands in the path for a product of the run; the suite puts a real id there when it sends. */
export const POOL_ID = '{pool-id}';

const JSON_TYPE = { 'content-type': 'application/json' };

/** encodeURIComponent throws on a lone surrogate; those are sent as raw escapes (%ED%A0%80) instead. */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDFFF]/g, '\uFFFD');

/** A path id: a product of the run (most often), an unknown uuid, or something that is not a uuid at all. */
const pathId: fc.Arbitrary<string> = fc.oneof(
  { weight: 120, arbitrary: fc.constant(POOL_ID) },
  { weight: 20, arbitrary: fc.uuid() },
  { weight: 40, arbitrary: edgeText.map((t) => encodeURIComponent(wellFormed(t)).slice(0, 200) || 'x') },
  { weight: 20, arbitrary: fc.constantFrom('%', '%ZZ', '%00', '%ED%A0%80', '..', '%2F', 'null') },
);

/** A query value as it goes on the wire: encoded text, raw escapes that decode to nothing valid, numbers at the edges. */
const queryValue: fc.Arbitrary<string> = fc.oneof(
  edgeText.map((t) => encodeURIComponent(wellFormed(t)).slice(0, 400)),
  fc.constantFrom('%00', '%01%02', '%ED%A0%80', '%FF', '%', '%E2%82', '1e400', '1e-400', '-0', '99999999999999999999'),
  fc.constantFrom('1', '2', '100', '101', '0', '-1', '1.5', '10000000', '10000001', '2147483648', '1e15'),
);

const query: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom('page', 'pageSize', 'name', 'sku', 'color', 'name[a]', 'page[]'), queryValue), {
    maxLength: 4,
  })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

/** A body: a valid product, one with a field made hostile, or no product at all. */
const body: fc.Arbitrary<string> = fc.oneof(
  { weight: 80, arbitrary: validProduct.map(toJsonText) },
  {
    weight: 160,
    arbitrary: fc
      .tuple(validProduct, fc.constantFrom('sku', 'name', 'description', 'price', 'stock', 'extra'), oddValue)
      .map(([product, field, value]) => toJsonText({ ...product, [field]: value })),
  },
  { weight: 40, arbitrary: fc.tuple(validProduct, edgeNumber).map(([p, n]) => toJsonText({ ...p, price: n })) },
  {
    weight: 20,
    arbitrary: fc.integer({ min: 17, max: 40_000 }).map((depth) => `{"sku":"A","extra":${nestedText(depth)}}`),
  },
  { weight: 20, arbitrary: fc.integer({ min: 17, max: 40_000 }).map(nestedText) },
  { weight: 20, arbitrary: fc.constantFrom('', '{', '{"sku":', 'null', '[]', '"x"', '42', 'x'.repeat(70_000)) },
  { weight: 20, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
);

const contentType: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 160, arbitrary: fc.constant(JSON_TYPE) },
  {
    weight: 20,
    arbitrary: fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/json; charset=nope',
        'multipart/form-data',
      )
      .map((type) => ({ 'content-type': type })),
  },
);

const ifMatch = fc.constantFrom(
  '"1"',
  'W/"2"',
  '*',
  '"3"',
  'banana',
  '"0"',
  '"-1"',
  '"99999999999"',
  '',
  '""',
  '"1", "2"',
);
const prefer = fc.constantFrom('wait-for-sync=0', 'wait-for-sync=100', 'wait-for-sync=99999999999', 'wait-for-sync=x');
const optionalHeader = (name: string, values: fc.Arbitrary<string>) =>
  fc.option(
    values.map((v) => ({ [name]: v })),
    { nil: {} as Record<string, string> },
  );

const writeHeaders = fc
  .tuple(contentType, optionalHeader('if-match', ifMatch), optionalHeader('prefer', prefer))
  .map((parts) => Object.assign({}, ...parts) as Record<string, string>);

const api = (method: string, path: string, headers: Record<string, string> = {}, body?: string): FuzzRequest => ({
  app: 'api',
  method,
  path,
  headers,
  body,
});

/** A request to any route of either app, weighted towards the cheap ones so 10,000 fit the time budget. */
export const anyRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 200, arbitrary: query.map((q) => api('GET', `/products${q}`)) },
  { weight: 160, arbitrary: pathId.map((id) => api('GET', `/products/${id}`)) },
  { weight: 200, arbitrary: fc.tuple(writeHeaders, body).map(([h, b]) => api('POST', '/products', h, b)) },
  {
    weight: 160,
    arbitrary: fc.tuple(pathId, writeHeaders, body).map(([id, h, b]) => api('PATCH', `/products/${id}`, h, b)),
  },
  {
    weight: 80,
    arbitrary: fc.tuple(pathId, writeHeaders, body).map(([id, h, b]) => api('PUT', `/products/${id}`, h, b)),
  },
  { weight: 40, arbitrary: fc.tuple(pathId, writeHeaders).map(([id, h]) => api('DELETE', `/products/${id}`, h)) },
  {
    weight: 160,
    arbitrary: query.map((q): FuzzRequest => ({
      app: 'catalog',
      method: 'GET',
      path: `/catalog/products${q}`,
      headers: {},
    })),
  },
  {
    weight: 120,
    arbitrary: pathId.map((id): FuzzRequest => ({
      app: 'catalog',
      method: 'GET',
      path: `/catalog/products/${id}`,
      headers: {},
    })),
  },
  {
    weight: 20,
    arbitrary: fc.constantFrom<FuzzRequest>(
      api('GET', '/health'),
      api('GET', '/sync/status'),
      api('GET', '/reconciliation'),
      api('GET', '/nowhere'),
      api('DELETE', '/products'),
      { app: 'catalog', method: 'GET', path: '/health', headers: {} },
      { app: 'catalog', method: 'POST', path: '/catalog/products', headers: JSON_TYPE, body: '{}' },
    ),
  },
  { weight: 1, arbitrary: fc.constant(api('POST', '/reconciliation/repair')) },
);
