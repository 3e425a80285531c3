// @ts-check
// Is the replica there yet? product_catalog compared with api_service for a set of products, and the
// live consumer group's lag on product.events.
import { setTimeout as sleep } from 'node:timers/promises';
import { benchAdmin } from './stack.mjs';

/** @typedef {import('pg').Pool} Pool */

/** id → version of the source's products whose sku starts with prefix. @param {Pool} api @param {string} prefix */
export async function sourceVersions(api, prefix) {
  const { rows } = await api.query('SELECT id, version FROM products WHERE sku LIKE $1', [`${prefix}%`]);
  return new Map(rows.map((r) => [/** @type {string} */ (r.id), /** @type {number} */ (r.version)]));
}

/**
 * Waits (bounded) until product_catalog holds every product at least at its version.
 * @param {Pool} catalog @param {Map<string, number>} versions @param {number} timeoutMs
 * @returns {Promise<{ done: boolean, missingAtStart: number, missing: number }>}
 */
export async function waitReplicated(catalog, versions, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const remaining = new Map(versions);
  let missingAtStart = -1;
  for (;;) {
    const { rows } = await catalog.query('SELECT id, version FROM catalog_products WHERE id = ANY($1::uuid[])', [
      [...remaining.keys()],
    ]);
    for (const row of rows) if (row.version >= (remaining.get(row.id) ?? Infinity)) remaining.delete(row.id);
    if (missingAtStart < 0) missingAtStart = remaining.size;
    if (remaining.size === 0 || Date.now() > deadline)
      return { done: remaining.size === 0, missingAtStart, missing: remaining.size };
    await sleep(50);
  }
}

/**
 * A connected admin client that can wait (bounded) until the live group has committed every record of
 * product.events. Connect it before the clock matters: connecting takes longer than a poll.
 * @param {Record<string, string>} env
 */
export async function connectLagProbe(env) {
  const admin = benchAdmin(env, 'bench-lag');
  await admin.connect();
  return {
    /** @param {number} timeoutMs @returns {Promise<boolean>} whether the lag reached 0 */
    async waitNoLag(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [ends, [committed]] = await Promise.all([
          admin.fetchTopicOffsets('product.events'),
          admin.fetchOffsets({ groupId: env.KAFKA_GROUP_ID, topics: ['product.events'] }),
        ]);
        const lag = ends.reduce((sum, { partition, high }) => {
          const offset = Number(committed.partitions.find((p) => p.partition === partition)?.offset ?? -1);
          return sum + Number(high) - Math.max(offset, 0);
        }, 0);
        if (lag === 0) return true;
        if (Date.now() > deadline) return false;
        await sleep(50);
      }
    },
    close: () => admin.disconnect(),
  };
}
