// @ts-check
// An open-loop load at a fixed rate: one request every 1/rate s, whether or not earlier ones have
// answered (bounded in flight), over Node's keep-alive fetch. autocannon's rate limit releases each
// connection's quota at the top of every second, i.e. in bursts; a latency measured "at 50 % load"
// must see requests spread evenly, as a steady stream of clients sends them.
import { setTimeout as sleep } from 'node:timers/promises';
import { msSince, percentile, round } from './stats.mjs';
import { WRITER_AUTH } from './auth.mjs';

const MAX_IN_FLIGHT = 256;

/**
 * @param {{ baseUrl: string, rate: number, seconds: number, next: (n: number) => { path: string, body: unknown } }} load
 * @returns {Promise<import('./http-load.mjs').HttpFigures & { skipped: number }>}
 */
export async function pacedPosts({ baseUrl, rate, seconds, next }) {
  /** @type {number[]} */
  const latencies = [];
  /** @type {Record<string, number>} */
  const statusCodes = {};
  /** @type {Set<Promise<void>>} */
  const inFlight = new Set();
  let errors = 0;
  let skipped = 0;
  const started = process.hrtime.bigint();
  const total = Math.round(rate * seconds);
  for (let n = 0; n < total; n++) {
    const due = (n * 1000) / rate;
    const wait = due - msSince(started);
    if (wait > 0) await sleep(wait);
    if (inFlight.size >= MAX_IN_FLIGHT) {
      skipped += 1; // the system is this far behind: counted, never queued without bound
      continue;
    }
    const { path, body } = next(n);
    const sent = process.hrtime.bigint();
    const request = fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...WRITER_AUTH },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    })
      .then(async (response) => {
        await response.arrayBuffer();
        latencies.push(msSince(sent));
        statusCodes[response.status] = (statusCodes[response.status] ?? 0) + 1;
      })
      .catch(() => void (errors += 1))
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  const elapsed = msSince(started) / 1000;
  const count = latencies.length;
  const codes = Object.entries(statusCodes);
  return {
    count,
    perSecond: count > 0 ? round(count / elapsed) : null,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    non2xx: codes.filter(([c]) => !c.startsWith('2')).reduce((s, [, v]) => s + v, 0),
    status5xx: codes.filter(([c]) => c.startsWith('5')).reduce((s, [, v]) => s + v, 0),
    errors,
    statusCodes,
    seconds: round(elapsed, 2) ?? seconds,
    skipped,
  };
}
