// @ts-check
// The baselines' load generator: N pg clients, each running one unit of work after another until the
// deadline, every unit's latency recorded.
import pg from 'pg';
import { msSince, percentile, round } from './stats.mjs';

/**
 * @typedef {object} LoadFigures
 * @property {number} count units completed
 * @property {number | null} perSecond
 * @property {number | null} p50Ms
 * @property {number | null} p99Ms
 * @property {number} errors
 * @property {number} seconds
 */

/**
 * @param {{ url: string, clients: number, seconds: number, work: (client: pg.Client, n: number) => Promise<unknown> }} load
 * @returns {Promise<LoadFigures>}
 */
export async function pgLoad({ url, clients, seconds, work }) {
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  /** @type {number[]} */
  const latencies = [];
  let errors = 0;
  let n = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  try {
    await Promise.all(
      connections.map(async (client) => {
        while (Date.now() < deadline) {
          const t = process.hrtime.bigint();
          try {
            await work(client, n++);
            latencies.push(msSince(t));
          } catch (error) {
            errors += 1;
            await client.query('ROLLBACK').catch(() => undefined);
            if (errors === 1) console.error(`baseline error: ${/** @type {Error} */ (error).message}`);
          }
        }
      }),
    );
  } finally {
    await Promise.all(connections.map((c) => c.end()));
  }
  const elapsed = msSince(started) / 1000;
  return {
    count: latencies.length,
    perSecond: round(latencies.length / elapsed),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    errors,
    seconds: round(elapsed, 2) ?? seconds,
  };
}
