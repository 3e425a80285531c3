// @ts-check
// Each stage on its own, as it would run on a machine of its own (issue 9, goals 1 and 4). The same max-rate POST
// load again, with product-producer and product-consumer paused (SIGSTOP): api-service has the cores that the
// relay, the consumer and their broker traffic take in the whole-pipeline row. Then the relay is resumed alone
// and timed until the outbox is published (the topic now holds the backlog), then product-consumer is resumed
// and timed until the replica holds every product: its catch-up from a full topic, in events/s.
// A paused process holds its connections, consumer-group membership included, so nothing rebalances: the pause
// stays under the consumer's session timeout (KAFKA_SESSION_TIMEOUT_MS, 30 s by default).
import { cpuPerUnit, machineCpuPerUnit, readCpu, readCpuOfAll, readMachineCpu } from './cpu.mjs';
import { httpLoad } from './http-load.mjs';
import { createBody } from './products.mjs';
import { sourceVersions, waitReplicated } from './replica.mjs';
import { msSince, round } from './stats.mjs';

const MAX_LOAD_SECONDS = 15;

/** @param {import('./context.mjs').BenchContext} ctx */
export async function measureStagesAlone(ctx) {
  const { pids } = ctx;
  if (!pids) return null; // only for apps this benchmark started: it can pause them
  const { options } = ctx;
  const prefix = `${ctx.tag}-a-`;
  const relay = pids['product-producer'];
  const consumer = pids['product-consumer'];
  const timeoutMs = options.catchUpTimeoutSeconds * 1000;
  signal([relay, consumer], 'SIGSTOP');
  let consumerPaused = true;
  try {
    /** @param {number} seconds @param {string} tag */
    const creates = (seconds, tag) =>
      httpLoad({
        baseUrl: ctx.apiUrl,
        method: 'POST',
        next: (n) => ({ path: '/products', body: createBody(`${prefix}${tag}${n}`) }),
        connections: options.connections,
        seconds,
      });
    if (options.warmupSeconds > 0) await creates(options.warmupSeconds, 'w'); // outside the CPU readings
    const cpuNow = () => ({
      machine: readMachineCpu(),
      apps: readCpu(pids),
      postgres: readCpuOfAll('postgres'),
      loadGenerator: process.cpuUsage(),
    });
    const before = cpuNow();
    const api = await creates(Math.min(options.seconds, MAX_LOAD_SECONDS), '');
    const after = cpuNow();
    const perCreate = (/** @type {number} */ ms) => round(ms / Math.max(api.count, 1), 2);
    const generator = process.cpuUsage(before.loadGenerator);
    // Where a create's CPU goes on the whole machine: the app, PostgreSQL, autocannon (this process), the rest.
    const cpuMsPerCreate = {
      machine: machineCpuPerUnit(before.machine, after.machine, api.count),
      apiService: cpuPerUnit(before.apps, after.apps, api.count)?.['api-service'] ?? null,
      postgres: perCreate(after.postgres - before.postgres),
      loadGenerator: perCreate((generator.user + generator.system) / 1000),
    };
    const relayStarted = process.hrtime.bigint();
    signal([relay], 'SIGCONT');
    const rows = await waitPublished(ctx.api, prefix, timeoutMs);
    const relaySeconds = msSince(relayStarted) / 1000;

    const versions = await sourceVersions(ctx.api, prefix);
    const consumerStarted = process.hrtime.bigint();
    signal([consumer], 'SIGCONT');
    consumerPaused = false;
    const replica = await waitReplicated(ctx.catalog, versions, timeoutMs);
    const consumerSeconds = msSince(consumerStarted) / 1000;
    return {
      api,
      cpuMsPerCreate,
      relay: {
        events: rows.published,
        seconds: round(relaySeconds, 2),
        eventsPerSecond: perSecond(rows, relaySeconds),
      },
      consumer: {
        events: rows.published,
        seconds: replica.done ? round(consumerSeconds, 2) : null,
        eventsPerSecond: replica.done ? round(rows.published / consumerSeconds) : null,
      },
    };
  } finally {
    signal(consumerPaused ? [relay, consumer] : [relay], 'SIGCONT');
  }
}

/** @param {{ published: number, done: boolean }} rows @param {number} seconds */
const perSecond = (rows, seconds) => (rows.done ? round(rows.published / seconds) : null);

/** @param {number[]} pids @param {NodeJS.Signals} name */
function signal(pids, name) {
  for (const pid of pids) process.kill(pid, name);
}

/**
 * Waits (bounded) until every outbox row of the products under prefix is published.
 * @param {import('pg').Pool} api @param {string} prefix @param {number} timeoutMs
 */
async function waitPublished(api, prefix, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await api.query(
      `SELECT count(*)::int AS total, count(o.published_at)::int AS published
       FROM outbox_events o JOIN products p ON p.id = o.aggregate_id WHERE p.sku LIKE $1`,
      [`${prefix}%`],
    );
    const { total, published } = rows[0];
    if (published === total || Date.now() > deadline) return { published, done: published === total };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
