import { testKeys, type Product } from './api.js';
import { apiDb } from './databases.js';
import { e2eEnv } from './env.js';
import { sampleSum, scrape } from './metrics.js';

/** Pauses or resumes product-consumer (its /control endpoints, admin): the replica stops or goes on applying. */
export async function consumer(action: 'pause' | 'resume'): Promise<void> {
  const response = await fetch(`${e2eEnv.consumerUrl}/control/consumer/${action}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${testKeys.admin}` },
  });
  if (!response.ok) throw new Error(`consumer ${action}: HTTP ${response.status}`);
}

/** api-service's `sync_waiters` gauge: how many requests wait for their sync now. */
export async function syncWaiters(apiUrl = e2eEnv.apiUrl): Promise<number> {
  return sampleSum(await scrape(apiUrl), 'sync_waiters');
}

/** A product, or the error shape's `written` when refused. */
type WaitingAnswer = { status: number; body: Partial<Product> & { written?: boolean | 'unknown' } };

/** A create that asks to wait for its sync; resolves with its status once answered. */
export function waitingCreate(
  sku: string,
  waitMs: number,
  signal?: AbortSignal,
  apiUrl = e2eEnv.apiUrl,
): Promise<WaitingAnswer> {
  return fetch(`${apiUrl}/products`, {
    method: 'POST',
    signal,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${testKeys.writer}`,
      prefer: `wait-for-sync=${waitMs}`,
    },
    body: JSON.stringify({ sku, name: sku, price: 1, stock: 1 }),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as WaitingAnswer['body'] }));
}

/** The server's connections (all databases) every 100 ms until stopped; resolves with the most seen and the limit. */
export function sampleConnections(): { stop: () => Promise<{ most: number; limit: number }> } {
  let most = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await apiDb.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity');
      most = Math.max(most, rows[0].n);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const { rows } = await apiDb.query<{ max_connections: string }>('SHOW max_connections');
      return { most, limit: Number(rows[0].max_connections) };
    },
  };
}
