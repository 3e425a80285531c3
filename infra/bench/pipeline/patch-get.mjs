// @ts-check
// Goal 1 (PATCH, GET): PATCH /products/:id and GET /products/:id on random products of this run, beside
// the same statements in plain pg (the update with its outbox row in one transaction; the two SELECTs).
import { httpLoad } from './http-load.mjs';
import { pgLoad } from './pg-load.mjs';
import { eventPayload } from './products.mjs';
import { sourceVersions, waitReplicated } from './replica.mjs';

/** @param {string[]} ids */
const pick = (ids) => ids[Math.floor(Math.random() * ids.length)];

/** @param {import('./context.mjs').BenchContext} ctx */
export async function measurePatch(ctx) {
  const { options } = ctx;
  const ids = await idsOf(ctx.api, 'products', `${ctx.tag}-p-`);
  const system = await httpLoad({
    baseUrl: ctx.apiUrl,
    method: 'PATCH',
    next: (n) => ({ path: `/products/${pick(ids)}`, body: { stock: n % 1000 } }),
    connections: options.connections,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
  });
  // Let the pipeline drain the updates first: its CPU would otherwise be charged to the baseline.
  await waitReplicated(
    ctx.catalog,
    await sourceVersions(ctx.api, `${ctx.tag}-p-`),
    options.catchUpTimeoutSeconds * 1000,
  );
  const scratchIds = await idsOf(ctx.api, 'bench_products', `${ctx.tag}-b-`);
  const baseline = await pgLoad({
    url: ctx.env.API_DATABASE_URL,
    clients: options.connections,
    seconds: options.seconds,
    work: (client, n) => updateProductTx(client, pick(scratchIds), n % 1000),
  });
  return { system, baseline };
}

/** @param {import('./context.mjs').BenchContext} ctx */
export async function measureGet(ctx) {
  const { options } = ctx;
  const ids = await idsOf(ctx.api, 'products', `${ctx.tag}-p-`);
  const system = await httpLoad({
    baseUrl: ctx.apiUrl,
    method: 'GET',
    next: () => ({ path: `/products/${pick(ids)}` }),
    connections: options.connections,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
  });
  const baseline = await pgLoad({
    url: ctx.env.API_DATABASE_URL,
    clients: options.connections,
    seconds: options.seconds,
    work: async (client) => {
      const id = pick(ids);
      await client.query('SELECT * FROM products WHERE id = $1', [id]);
      await client.query('SELECT * FROM product_sync_state WHERE product_id = ANY($1::uuid[])', [[id]]);
    },
  });
  return { system, baseline };
}

/** @param {import('pg').Pool} pool @param {'products' | 'bench_products'} table @param {string} prefix @returns {Promise<string[]>} */
async function idsOf(pool, table, prefix) {
  const { rows } = await pool.query(`SELECT id FROM ${table} WHERE sku LIKE $1`, [`${prefix}%`]);
  if (rows.length === 0)
    throw new Error(`no ${table} rows to measure with (sku ${prefix}*): the POST measurement wrote none`);
  return rows.map((r) => r.id);
}

/** The transaction PATCH /products/:id runs: bump the version, write the outbox row from the returned row. */
async function updateProductTx(
  /** @type {import('pg').Client} */ client,
  /** @type {string} */ id,
  /** @type {number} */ stock,
) {
  await client.query('BEGIN');
  const { rows } = await client.query(
    'UPDATE bench_products SET stock = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *',
    [id, stock],
  );
  const r = rows[0];
  const row = {
    id: r.id,
    sku: r.sku,
    name: r.name,
    description: r.description,
    price: r.price,
    stock: r.stock,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
  const event = eventPayload('product.updated', row);
  await client.query(
    'INSERT INTO bench_outbox_events (event_id, aggregate_id, event_type, version, payload) VALUES ($1, $2, $3, $4, $5)',
    [event.eventId, row.id, event.type, event.version, JSON.stringify(event)],
  );
  await client.query('COMMIT');
}
