// @ts-check
// Goal 4: `npm run rebuild-catalog` over the topic this run filled, beside the raw batched upsert: the
// same events' products written 1,000 per `INSERT … SELECT FROM unnest(…) ON CONFLICT … WHERE version <`
// into a scratch copy of catalog_products.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { repoRoot } from '../../run.mjs';
import { msSince, round } from './stats.mjs';

const BATCH = 1000;
const MIN_SECONDS = 2;
const MAX_PASSES = 50;
const consumerDist = `${repoRoot}apps/product-consumer/dist`;

/** The rebuild tool's entry point (`npm run rebuild-catalog` runs the same file). */
export function rebuildScript() {
  const script = `${consumerDist}/cli/rebuild-catalog.js`;
  if (!existsSync(script)) throw new Error(`${script} missing: build first`);
  return script;
}

/**
 * @typedef {object} RebuildFigures
 * @property {string} script
 * @property {number | null} events
 * @property {number | null} eventsPerSecond
 * @property {number | null} replaySeconds
 * @property {number | null} wallSeconds
 * @property {string[]} output
 */

/** @param {Record<string, string>} env @param {number} timeoutMs @returns {Promise<RebuildFigures>} */
export function runRebuild(env, timeoutMs) {
  const script = rebuildScript();
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script],
      { cwd: repoRoot, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${script} failed: ${error.message}\n${stderr}`));
        const wallSeconds = msSince(started) / 1000;
        const events = Number(stdout.match(/replayed (\d+) events/)?.[1] ?? NaN);
        const reported = stdout.match(/rate: ([\d.]+) events\/s \(([\d.]+) s\)/);
        resolve({
          script: script.slice(repoRoot.length),
          events: Number.isFinite(events) ? events : null,
          // The tool times its replay; without that line, the whole process (start-up included) is the time.
          eventsPerSecond: reported ? Number(reported[1]) : round(events / wallSeconds),
          replaySeconds: reported ? Number(reported[2]) : null,
          wallSeconds: round(wallSeconds, 2),
          // Without Nest's colour codes.
          output: stripVTControlCharacters(stdout).trim().split('\n').slice(-3),
        });
      },
    );
  });
}

/**
 * The baseline: the products of the newest `count` outbox events, upserted into bench_catalog_products.
 * @param {import('pg').Pool} api @param {import('pg').Pool} catalog @param {number} count
 */
export async function batchedUpsertBaseline(api, catalog, count) {
  const { rows } = await api.query(
    `SELECT payload->'product' AS p FROM (SELECT payload FROM outbox_events ORDER BY id DESC LIMIT $1) newest`,
    [count],
  );
  const products = rows.map((r) => r.p);
  const client = await catalog.connect();
  try {
    // A few hundred rows take milliseconds: repeat the whole load into an emptied table until the
    // timed work adds up to MIN_SECONDS (bounded), so the rate is not one statement's noise.
    let seconds = 0;
    let passes = 0;
    while (products.length > 0 && seconds < MIN_SECONDS && passes < MAX_PASSES) {
      await client.query('TRUNCATE bench_catalog_products');
      const started = process.hrtime.bigint();
      for (let i = 0; i < products.length; i += BATCH)
        await upsertUnnest(client, 'bench_catalog_products', products.slice(i, i + BATCH));
      seconds += msSince(started) / 1000;
      passes += 1;
    }
    return {
      rows: products.length,
      passes,
      seconds: round(seconds, 3),
      rowsPerSecond: passes > 0 ? round((products.length * passes) / seconds) : null,
    };
  } finally {
    client.release();
  }
}

/**
 * The baseline's statement: products' states into a scratch copy of catalog_products, guarded by version as the
 * consumer's apply is. DISTINCT ON keeps each product's newest version (ON CONFLICT may touch a row once per statement).
 * @param {{ query: (text: string, values: unknown[]) => Promise<unknown> }} client
 * @param {string} table
 * @param {Record<string, any>[]} batch
 */
export async function upsertUnnest(client, table, batch) {
  /** @param {string} field */
  const column = (field) => batch.map((p) => p[field]);
  await client.query(
    `INSERT INTO ${table} AS c
       (id, sku, name, description, price, stock, version, created_at, updated_at, replicated_at)
     SELECT DISTINCT ON (id) id, sku, name, description, price, stock, version, created_at, updated_at, now()
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::int[], $7::int[],
                 $8::timestamptz[], $9::timestamptz[])
       AS e(id, sku, name, description, price, stock, version, created_at, updated_at)
     ORDER BY id, version DESC
     ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, name = excluded.name, description = excluded.description,
       price = excluded.price, stock = excluded.stock, version = excluded.version, created_at = excluded.created_at,
       updated_at = excluded.updated_at, replicated_at = excluded.replicated_at
     WHERE c.version < excluded.version`,
    ['id', 'sku', 'name', 'description', 'price', 'stock', 'version', 'createdAt', 'updatedAt'].map(column),
  );
}
