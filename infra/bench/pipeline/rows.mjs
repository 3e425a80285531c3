// @ts-check
// The measurements as the rows of issue 9's goals, each with its target.
import { fmt, rateAndLatency } from './report.mjs';
import { ratioPercent, round } from './stats.mjs';

/** @typedef {import('./http-load.mjs').HttpFigures} HttpFigures */
/** @typedef {import('./pg-load.mjs').LoadFigures} LoadFigures */
/** @typedef {{ system: HttpFigures, baseline: LoadFigures }} Pair */

/**
 * @param {{
 *   connections: number,
 *   post: Pair & {
 *     catchUp: { seconds: number | null, products: number, backlogAtStop: number },
 *     cpuMsPerProduct: Record<string, number> | null,
 *     machineCpuMsPerTx?: number | null,
 *   },
 *   patch: Pair,
 *   get: Pair,
 *   e2e: Awaited<ReturnType<typeof import('./end-to-end.mjs').measureEndToEnd>>,
 *   rebuild: import('./rebuild.mjs').RebuildFigures,
 *   upsert: { rows: number, passes: number, rowsPerSecond: number | null },
 *   alone: Awaited<ReturnType<typeof import('./stages-alone.mjs').measureStagesAlone>>,
 * }} m
 * @returns {import('./report.mjs').Row[]}
 */
export function goalRows({ connections, post, patch, get, e2e, rebuild, upsert, alone }) {
  const postRatio = ratioPercent(post.system.perSecond, post.baseline.perSecond);
  const rebuildRatio = ratioPercent(rebuild.eventsPerSecond, upsert.rowsPerSecond);
  const { catchUp } = post;
  const waits = e2e.waitForSync;
  // A product that never reached the replica has no latency: its absence must not flatter the p99.
  const e2eP99 = e2e.notReplicated === 0 ? e2e.p99Ms : null;
  const latencyMet = (/** @type {number | null} */ p50, /** @type {number | null} */ p99) =>
    p50 !== null && p99 !== null && p50 < 15 && p99 < 50;
  return [
    apiRow(`POST /products, ${connections} connections`, post, 'tx/s', '≥ 50 %', postRatio !== null && postRatio >= 50),
    ...aloneRows(connections, post.baseline, upsert.rowsPerSecond, alone, post.machineCpuMsPerTx ?? null),
    apiRow(`PATCH /products/:id, ${connections} connections`, patch, 'tx/s', '—', null),
    apiRow(`GET /products/:id, ${connections} connections`, get, 'lookups/s', '—', null),
    {
      goal: 'replica catch-up after the max-rate POST load stops',
      system: `${fmt(catchUp.seconds, ' s')} (${catchUp.products} products; ${catchUp.backlogAtStop} not yet replicated at the stop)`,
      baseline: '—',
      ratioPercent: null,
      target: '≤ 2 s',
      met: catchUp.seconds !== null && catchUp.seconds <= 2,
      figures: { 'catch-up seconds': catchUp.seconds },
    },
    {
      goal: 'CPU per created product, max-rate POST load + catch-up (acks included)',
      system: post.cpuMsPerProduct
        ? Object.entries(post.cpuMsPerProduct)
            .map(([app, ms]) => `${app} ${ms} ms`)
            .join(', ')
        : 'n/a (only for apps the benchmark started)',
      baseline: '—',
      ratioPercent: null,
      target: '—',
      met: null,
      figures: {},
    },
    {
      goal: `end to end, commit → product_catalog, at ${round(e2e.targetRate)}/s (50 % of max POST, evenly spaced)`,
      system: `p50 ${fmt(e2e.p50Ms, ' ms')}, p99 ${fmt(e2eP99, ' ms')} (${e2e.products} products, ${fmt(e2e.load.perSecond, '/s')} sent)`,
      baseline: '—',
      ratioPercent: null,
      target: 'p50 < 15 ms, p99 < 50 ms',
      met: latencyMet(e2e.p50Ms, e2eP99),
      figures: { p50: e2e.p50Ms, p99: e2eP99, 'sent/s': e2e.load.perSecond },
    },
    {
      goal: 'end to end, POST with `Prefer: wait-for-sync=5000` → in-sync answer, during that load',
      system: `p50 ${fmt(waits.p50Ms, ' ms')}, p99 ${fmt(waits.p99Ms, ' ms')} (${waits.inSync} of ${waits.requests} in-sync)`,
      baseline: '—',
      ratioPercent: null,
      target: 'p50 < 15 ms, p99 < 50 ms',
      met: latencyMet(waits.p50Ms, waits.p99Ms) && waits.inSync === waits.requests,
      figures: { p50: waits.p50Ms, p99: waits.p99Ms },
    },
    {
      goal: 'rebuild (`npm run rebuild-catalog`) over this run’s events',
      system: `${fmt(rebuild.eventsPerSecond, ' events/s')} (${fmt(rebuild.events, ' events')})`,
      baseline: `${fmt(upsert.rowsPerSecond, ' rows/s')} (UNNEST upsert, 1,000 rows per statement, ${upsert.rows} rows × ${upsert.passes})`,
      ratioPercent: rebuildRatio,
      target: '≥ 25 %',
      met: rebuildRatio !== null && rebuildRatio >= 25,
      figures: { 'events/s': rebuild.eventsPerSecond, 'baseline rows/s': upsert.rowsPerSecond },
    },
  ];
}

/**
 * The stages on their own (stages-alone.mjs): api-service's POST beside the same pg baseline as the whole-pipeline
 * row, and product-consumer's catch-up from a full topic beside the batched-upsert baseline.
 * @param {number} connections @param {LoadFigures} baseline @param {number | null} upsertPerSecond
 * @param {Awaited<ReturnType<typeof import('./stages-alone.mjs').measureStagesAlone>>} alone
 * @param {number | null} [baselineCpuMsPerTx] the whole machine's CPU per baseline transaction
 * @returns {import('./report.mjs').Row[]}
 */
export function aloneRows(connections, baseline, upsertPerSecond, alone, baselineCpuMsPerTx = null) {
  if (!alone) return []; // --use-running: the benchmark cannot pause apps it did not start
  const postRatio = ratioPercent(alone.api.perSecond, baseline.perSecond);
  const catchUpRatio = ratioPercent(alone.consumer.eventsPerSecond, upsertPerSecond);
  const { relay, consumer, cpuMsPerCreate: cpu } = alone;
  return [
    apiRow(
      `POST /products, api-service alone (relay and consumer paused), ${connections} connections`,
      { system: alone.api, baseline },
      'tx/s',
      '≥ 50 %',
      postRatio !== null && postRatio >= 50,
    ),
    {
      goal: 'relay alone: the outbox backlog that load left, published',
      system: `${fmt(relay.eventsPerSecond, ' events/s')} (${relay.events} events in ${fmt(relay.seconds, ' s')})`,
      baseline: '—',
      ratioPercent: null,
      target: '—',
      met: null,
      figures: { 'events/s': relay.eventsPerSecond },
    },
    {
      goal: 'catch-up of a stopped product-consumer from a full topic (that backlog)',
      system: `${fmt(consumer.eventsPerSecond, ' events/s')} (${consumer.events} events in ${fmt(consumer.seconds, ' s')})`,
      baseline: `${fmt(upsertPerSecond, ' rows/s')} (the rebuild row's UNNEST upsert)`,
      ratioPercent: catchUpRatio,
      target: '≥ 25 %',
      met: catchUpRatio !== null && catchUpRatio >= 25,
      figures: { 'events/s': consumer.eventsPerSecond },
    },
    {
      // On a machine whose cores are all busy, throughput goes as the inverse of CPU per unit: this ratio bounds
      // the POST row's. CPU figures are Linux-only, so not required.
      goal: 'CPU per create, whole machine (every process, the load generator included): api-service alone vs plain pg',
      system: `${fmt(cpu?.machine ?? null, ' ms')} (of it api-service ${fmt(cpu?.apiService ?? null, ' ms')}, PostgreSQL ${fmt(cpu?.postgres ?? null, ' ms')}, the load generator ${fmt(cpu?.loadGenerator ?? null, ' ms')})`,
      baseline: `${fmt(baselineCpuMsPerTx, ' ms')} per transaction`,
      ratioPercent: ratioPercent(baselineCpuMsPerTx, cpu?.machine ?? null),
      target: '—',
      met: null,
      figures: {},
    },
  ];
}

/**
 * @param {string} goal @param {Pair} pair @param {string} baselineUnit @param {string} target @param {boolean | null} met
 * @returns {import('./report.mjs').Row}
 */
function apiRow(goal, { system, baseline }, baselineUnit, target, met) {
  const failures = system.non2xx + system.errors;
  return {
    goal,
    system: `${rateAndLatency(system, 'req/s')}${failures ? `, ${system.non2xx} non-2xx, ${system.errors} errors` : ', 0 non-2xx'}`,
    baseline: `plain pg: ${rateAndLatency(baseline, baselineUnit)}${baseline.errors ? `, ${baseline.errors} errors` : ''}`,
    ratioPercent: ratioPercent(system.perSecond, baseline.perSecond),
    target,
    met,
    figures: {
      'req/s': system.perSecond,
      p50: system.p50Ms,
      p99: system.p99Ms,
      [`baseline ${baselineUnit}`]: baseline.perSecond,
      'baseline p50': baseline.p50Ms,
      'baseline p99': baseline.p99Ms,
    },
  };
}
