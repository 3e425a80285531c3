// Benchmark: the reconciler over many products, at several batch sizes, side by side.
//   node infra/bench/reconcile.mjs [products=1000000]
// Uses two scratch databases (bench_api_service, bench_product_catalog) on the local server,
// fills both with the same products, then drifts the replica by 10 missing, 10 extra, 10 differing.
// Needs a build (npm run build). Prints wall time and products compared per second per batch size.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { ensureDatabases, migrate } from '../postgres.mjs';
import { log, repoRoot } from '../run.mjs';

const products = Number(process.argv[2] ?? 1_000_000);
const server = process.env.PG_BENCH_SERVER ?? 'postgresql://postgres@127.0.0.1:5432';
const env = {
  API_DATABASE_URL: `${server}/bench_api_service`,
  CATALOG_DATABASE_URL: `${server}/bench_product_catalog`,
  CHECKPOINT_DISABLE: '1',
};

await ensureDatabases([env.API_DATABASE_URL, env.CATALOG_DATABASE_URL], { mayStartLocal: true });
await migrate('apps/api-service', env);
await migrate('apps/product-consumer', env);

/**
 * Deterministic products, so both sides get identical rows from the same statement.
 * @param {string} table
 * @param {boolean} extra the replica's own column, replicated_at
 */
const fill = (table, extra) => `
  INSERT INTO ${table} (id, sku, name, description, price, stock, version, created_at, updated_at${extra ? ', replicated_at' : ''})
  SELECT md5(i::text)::uuid, 'SKU-' || i, 'Product ' || i, CASE WHEN i % 3 = 0 THEN NULL ELSE 'about ' || i END,
         (i % 10000) / 100.0, i % 500, 1 + i % 7, timestamptz '2026-01-01' + i * interval '1 second',
         timestamptz '2026-01-02' + i * interval '1 second'${extra ? ', now()' : ''}
  FROM generate_series(1, $1) AS i`;

const source = new pg.Pool({ connectionString: env.API_DATABASE_URL, max: 1 });
const replica = new pg.Pool({ connectionString: env.CATALOG_DATABASE_URL, max: 1 });
log(`filling ${products} products on each side`);
await source.query('TRUNCATE products, outbox_events, product_sync_state');
await replica.query('TRUNCATE catalog_products, product_tombstones');
await source.query(fill('products', false), [products]);
await replica.query(fill('catalog_products', true), [products]);
await replica.query(
  'DELETE FROM catalog_products WHERE id IN (SELECT md5(i::text)::uuid FROM generate_series(1, 10) AS i)',
);
await replica.query(
  "UPDATE catalog_products SET name = 'drifted' WHERE id IN (SELECT md5(i::text)::uuid FROM generate_series(11, 20) AS i)",
);
await replica.query(
  fill('catalog_products', true).replace('FROM generate_series(1, $1)', 'FROM generate_series($1 + 1, $1 + 10)'),
  [products],
);
await Promise.all([source.query('ANALYZE products'), replica.query('ANALYZE catalog_products')]);
await Promise.all([source.end(), replica.end()]);

const rows = [];
for (const batch of [1000, 5000, 20000]) {
  const started = process.hrtime.bigint();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [`${repoRoot}apps/api-service/dist/cli/reconcile.js`],
    {
      env: { ...process.env, ...env, RECONCILE_BATCH_SIZE: String(batch) },
    },
  ).catch((/** @type {{ stdout: string }} */ error) => error); // exits 1: drift found, as planted: stdout all the same
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const found = ['missing', 'extra', 'differing']
    .map((kind) => `${kind} ${stdout.match(new RegExp(`${kind}\\s+(\\d+)`))?.[1]}`)
    .join(', ');
  rows.push({ batch, seconds: seconds.toFixed(1), perSecond: Math.round((products * 2) / seconds), found });
}
console.log(`\nreconcile over ${products} products per side (2 cores; one run each):`);
console.log('batch size | seconds | rows fingerprinted/s | drift found');
for (const r of rows)
  console.log(
    `${String(r.batch).padStart(10)} | ${r.seconds.padStart(7)} | ${String(r.perSecond).padStart(20)} | ${r.found}`,
  );
