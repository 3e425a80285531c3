// @ts-check
// `node infra/bench/latency-at-rates.mjs [rates, default 5,20,60]` (after a build; EMPTIES the test profile as
// `npm run bench` does; run it under the stack lock: flock /tmp/nks-stack.lock node infra/bench/latency-at-rates.mjs)
// Issue 9, goal 3, below the benchmark's one rate (half the max POST rate): the end-to-end and wait-for-sync
// latencies at each fixed rate, measured as `npm run bench` measures them (end-to-end.mjs), then where an idle
// create's time goes, hop by hop, from the clocks PostgreSQL keeps: the outbox row's created_at (the commit) and
// published_at (the relay's transaction start, before its send), the replica's replicated_at (the upsert) and
// the ack's acknowledged time. One stack, started and stopped here.
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { WRITER_AUTH } from './pipeline/auth.mjs';
import { measureEndToEnd } from './pipeline/end-to-end.mjs';
import { createBody, runTag } from './pipeline/products.mjs';
import { openStack } from './pipeline/stack.mjs';
import { percentile } from './pipeline/stats.mjs';

const rates = (process.argv[2] ?? '5,20,60').split(',').map(Number);
const IDLE_CREATES = 40;
/** @type {import('./pipeline/options.mjs').BenchOptions} */
const options = {
  quick: false,
  useRunning: false,
  build: false,
  profile: false,
  seconds: 10,
  warmupSeconds: 1,
  connections: 8,
  catchUpTimeoutSeconds: 60,
  outDir: '.local/bench/results',
};
const stack = await openStack(options);
const api = new pg.Pool({ connectionString: stack.env.API_DATABASE_URL, max: 2 });
const catalog = new pg.Pool({ connectionString: stack.env.CATALOG_DATABASE_URL, max: 2 });
try {
  for (const rate of rates) {
    const ctx = { options, env: stack.env, apiUrl: stack.apiUrl, tag: runTag(), api, catalog, pids: stack.pids };
    const r = await measureEndToEnd(ctx, rate * 2); // it loads at half the rate it is given
    const w = r.waitForSync;
    console.log(
      `${rate}/s for ${options.seconds} s: commit → replica p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms (${r.products} products); ` +
        `wait-for-sync p50 ${w.p50Ms} ms, p99 ${w.p99Ms} ms (${w.inSync} of ${w.requests} in-sync)`,
    );
  }
  console.log(`idle, one create every 250 ms, medians of ${IDLE_CREATES}: ${await idleHops()}`);
} finally {
  await Promise.all([api.end(), catalog.end()]);
  await stack.stop();
}

async function idleHops() {
  const tag = runTag();
  for (let i = 0; i < IDLE_CREATES; i++) {
    await fetch(`${stack.apiUrl}/products`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...WRITER_AUTH },
      body: JSON.stringify(createBody(`${tag}-${i}`)),
    });
    await sleep(250);
  }
  await sleep(1000);
  const { rows } = await api.query(
    `SELECT o.aggregate_id AS id, o.created_at, o.published_at, s.last_ack_at
     FROM outbox_events o JOIN products p ON p.id = o.aggregate_id
     LEFT JOIN product_sync_state s ON s.product_id = p.id WHERE p.sku LIKE $1`,
    [`${tag}%`],
  );
  const replica = await catalog.query('SELECT id, replicated_at FROM catalog_products WHERE id = ANY($1::uuid[])', [
    rows.map((r) => r.id),
  ]);
  const replicatedAt = new Map(replica.rows.map((r) => [r.id, r.replicated_at]));
  const median = (/** @type {(r: any) => number} */ hop) => percentile(rows.map(hop), 50);
  return [
    `commit → relay's transaction ${median((r) => r.published_at - r.created_at)} ms`,
    `→ replica upsert ${median((r) => replicatedAt.get(r.id) - r.published_at)} ms (the relay's send and the consumer)`,
    `→ ack ${median((r) => r.last_ack_at - replicatedAt.get(r.id))} ms`,
  ].join(', ');
}
