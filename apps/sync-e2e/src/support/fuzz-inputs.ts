import fc from 'fast-check';

/** A number written into the JSON text as it is, e.g. 1e-400, which JSON.stringify cannot produce. */
const RAW = '\u0001raw:';
export const rawNumber = (text: string) => `${RAW}${text}`;

/** JSON text of `value`, with rawNumber() placeholders put in as bare numbers. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0001raw:([^"]*)"/g, '$1');
}

/** Numbers at the edges of what JSON and the columns can hold. */
export const edgeNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 12.5, 1.234, 2_147_483_647, 2_147_483_648, 9_999_999_999.99, 1e10, 1e21),
  fc
    .constantFrom('1e-400', '-1e-400', '1e400', '-1e400', '1e-7', '5e-324', '123456789012345678901234567890', '-0.0')
    .map(rawNumber),
  fc.double(),
  fc.integer(),
);

/** Text that is fine, text PostgreSQL cannot store, and text that only looks odd. */
export const edgeText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    'mug\u0000',
    '\u0000',
    'a\ud800b',
    '\udc00',
    '\ud83d',
    '\u0007\u001b[31m',
    '%',
    '\\',
    "'; --",
  ),
  fc.constantFrom(300, 2_001, 70_000).map((n) => 'x'.repeat(n)),
);

/** Any JSON-ish value of a wrong or odd kind. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  edgeNumber,
  edgeText,
  fc.constantFrom(null, true, false, [], {}, [1, 2], { a: 1 }),
  fc.integer({ min: 17, max: 3_000 }).map(nested),
);

/** JSON text of arrays nested `depth` deep, built as text: JSON.stringify itself overflows its stack on deep values. */
export const nestedText = (depth: number) => `${'['.repeat(depth)}0${']'.repeat(depth)}`;

/** Arrays nested `depth` deep. */
export function nested(depth: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** A well-formed product body (its sku unique per draw). */
export const validProduct = fc.record({
  sku: fc.uuid().map((id) => `FZ-${id.slice(0, 18)}`),
  name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes('\u0000')),
  description: fc.option(
    fc.string({ maxLength: 60 }).filter((s) => !s.includes('\u0000')),
    { nil: undefined },
  ),
  price: fc.integer({ min: 0, max: 1_000_000 }).map((cents) => cents / 100),
  stock: fc.integer({ min: 0, max: 10_000 }),
});
