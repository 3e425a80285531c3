// @ts-check
// Goal 3: at half the measured maximum POST rate, per product the time from its commit in api_service to
// its row in product_catalog, and the answer time of `Prefer: wait-for-sync` creates sent meanwhile.
// Commit time: the outbox row's created_at (written in the creating transaction, so a few ms early: the
// figure is an upper bound); applied: catalog_products.replicated_at. Same machine, same clock.
import { pacedPosts } from './paced-load.mjs';
import { createBody } from './products.mjs';
import { sourceVersions, waitReplicated } from './replica.mjs';
import { msSince, percentile, round } from './stats.mjs';
import { WRITER_AUTH } from './auth.mjs';

const WAIT_MS = 5000;

/** @param {import('./context.mjs').BenchContext} ctx @param {number} maxPostRate */
export async function measureEndToEnd(ctx, maxPostRate) {
  const { options } = ctx;
  const rate = Math.max(1, maxPostRate / 2);
  const prefix = `${ctx.tag}-e-`;
  const deadline = Date.now() + options.seconds * 1000;
  const [load, waits] = await Promise.all([
    pacedPosts({
      baseUrl: ctx.apiUrl,
      rate,
      seconds: options.seconds,
      next: (n) => ({ path: '/products', body: createBody(`${prefix}${n}`) }),
    }),
    waitingCreates(ctx, deadline),
  ]);
  const versions = await sourceVersions(ctx.api, prefix);
  const replica = await waitReplicated(ctx.catalog, versions, options.catchUpTimeoutSeconds * 1000);
  const latencies = await commitToReplicaMs(ctx, prefix);
  return {
    targetRate: rate,
    load,
    products: versions.size,
    notReplicated: replica.missing,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    waitForSync: waits,
  };
}

/** One client after another until the deadline: POST with Prefer: wait-for-sync, timed to the answer. */
async function waitingCreates(/** @type {import('./context.mjs').BenchContext} */ ctx, /** @type {number} */ deadline) {
  /** @type {number[]} */
  const latencies = [];
  /** @type {Record<string, number>} */
  const outcomes = {};
  for (let n = 0; Date.now() < deadline; n++) {
    const started = process.hrtime.bigint();
    const outcome = await fetch(`${ctx.apiUrl}/products`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...WRITER_AUTH, prefer: `wait-for-sync=${WAIT_MS}` },
      body: JSON.stringify(createBody(`${ctx.tag}-w-${n}`)),
      signal: AbortSignal.timeout(WAIT_MS + 10_000),
    }).then(
      async (response) => {
        const body = /** @type {{ sync?: { status?: string } }} */ (await response.json().catch(() => ({})));
        return `${response.status} ${body.sync?.status ?? '?'}`;
      },
      (/** @type {Error} */ error) => `error ${error.name}`,
    );
    latencies.push(msSince(started));
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  const inSync = outcomes['201 in-sync'] ?? 0;
  return {
    requests: latencies.length,
    inSync,
    outcomes,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}

/** Per product created under prefix: replicated_at − the creating outbox row's created_at, in ms. */
async function commitToReplicaMs(
  /** @type {import('./context.mjs').BenchContext} */ ctx,
  /** @type {string} */ prefix,
) {
  const { rows: source } = await ctx.api.query(
    `SELECT o.aggregate_id AS id, o.created_at FROM outbox_events o JOIN products p ON p.id = o.aggregate_id
     WHERE p.sku LIKE $1 AND o.version = 1`,
    [`${prefix}%`],
  );
  const { rows: replica } = await ctx.catalog.query(
    'SELECT id, replicated_at FROM catalog_products WHERE id = ANY($1::uuid[]) AND version = 1',
    [source.map((r) => r.id)],
  );
  const committed = new Map(source.map((r) => [r.id, /** @type {Date} */ (r.created_at).getTime()]));
  return replica.map((r) => /** @type {Date} */ (r.replicated_at).getTime() - (committed.get(r.id) ?? NaN));
}
