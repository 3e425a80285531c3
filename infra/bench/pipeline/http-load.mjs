// @ts-check
// The system's load generator: autocannon (a real HTTP client: keep-alive connections, no pipelining),
// run in this process. Every request is built by `next`, so each POST gets its own sku and each
// PATCH/GET its own random id.
import autocannon from 'autocannon';
import { round } from './stats.mjs';
import { WRITER_AUTH } from './auth.mjs';

/**
 * @typedef {object} HttpFigures
 * @property {number} count responses received
 * @property {number | null} perSecond
 * @property {number | null} p50Ms
 * @property {number | null} p99Ms
 * @property {number} non2xx
 * @property {number} status5xx
 * @property {number} errors connection errors and timeouts
 * @property {Record<string, number>} statusCodes
 * @property {number} seconds
 */

/**
 * @typedef {object} HttpLoad
 * @property {string} baseUrl
 * @property {'GET' | 'POST' | 'PATCH'} method
 * @property {(n: number) => { path: string, body?: unknown }} next the n-th request
 * @property {number} connections
 * @property {number} seconds
 * @property {number} [warmupSeconds]
 * @property {number} [overallRate] requests per second over all connections (default: as fast as it answers)
 * @property {Record<string, string>} [headers]
 */

/** @param {HttpLoad} load @returns {Promise<HttpFigures>} */
export async function httpLoad({ baseUrl, method, next, connections, seconds, warmupSeconds, overallRate, headers }) {
  let n = 0;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    ...(overallRate !== undefined && { overallRate: Math.max(1, Math.round(overallRate)) }),
    ...(warmupSeconds ? { warmup: { connections, duration: warmupSeconds } } : {}),
    requests: [
      {
        method,
        headers: { 'content-type': 'application/json', ...WRITER_AUTH, ...headers },
        setupRequest: (request) => {
          const { path, body } = next(n++);
          return { ...request, path, ...(body !== undefined && { body: JSON.stringify(body) }) };
        },
      },
    ],
  });
  /** @type {Record<string, number>} */
  const statusCodes = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stats.count ?? 0;
  const count = result.requests.total;
  return {
    count,
    perSecond: count > 0 ? round(count / result.duration) : null,
    p50Ms: count > 0 ? round(result.latency.p50) : null,
    p99Ms: count > 0 ? round(result.latency.p99) : null,
    non2xx: result.non2xx,
    status5xx: result['5xx'],
    errors: result.errors,
    statusCodes,
    seconds: round(result.duration, 2) ?? seconds,
  };
}
