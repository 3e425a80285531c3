// @ts-check
// Goal 1 (POST) and goal 2 (catch-up): POST /products at full speed, then how long the replica needs to
// hold all of it; beside it the same transaction in plain pg.
import { cpuPerUnit, machineCpuPerUnit, readCpu, readMachineCpu } from './cpu.mjs';
import { httpLoad } from './http-load.mjs';
import { pgLoad } from './pg-load.mjs';
import { createBody, eventPayload, newProductRow } from './products.mjs';
import { connectLagProbe, sourceVersions, waitReplicated } from './replica.mjs';
import { msSince, round } from './stats.mjs';

/** @param {import('./context.mjs').BenchContext} ctx */
export async function measurePost(ctx) {
  const { options } = ctx;
  const prefix = `${ctx.tag}-p-`;
  const cpuBefore = ctx.pids && readCpu(ctx.pids);
  const system = await httpLoad({
    baseUrl: ctx.apiUrl,
    method: 'POST',
    next: (n) => ({ path: '/products', body: createBody(`${prefix}${n}`) }),
    connections: options.connections,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
  });
  const catchUp = await timeCatchUp(ctx, prefix);
  // Per product created (warm-up included): each app's CPU over the load and the catch-up, acks included.
  const cpuMsPerProduct = cpuPerUnit(cpuBefore, ctx.pids && readCpu(ctx.pids), catchUp.products);
  const machineBefore = readMachineCpu();
  const baseline = await pgLoad({
    url: ctx.env.API_DATABASE_URL,
    clients: options.connections,
    seconds: options.seconds,
    work: (client, n) => insertProductTx(client, `${ctx.tag}-b-${n}`),
  });
  // The whole machine's CPU per transaction (PostgreSQL and this process's pg clients): the stages-alone row's peer.
  const machineCpuMsPerTx = machineCpuPerUnit(machineBefore, readMachineCpu(), baseline.count);
  return { system, baseline, catchUp, cpuMsPerProduct, machineCpuMsPerTx };
}

/** From the moment the load stopped: until the replica holds every product of it, and the group's lag is 0. */
async function timeCatchUp(/** @type {import('./context.mjs').BenchContext} */ ctx, /** @type {string} */ prefix) {
  const stopped = process.hrtime.bigint();
  const timeoutMs = ctx.options.catchUpTimeoutSeconds * 1000;
  const lagProbe = connectLagProbe(ctx.env);
  const versions = await sourceVersions(ctx.api, prefix);
  const replica = await waitReplicated(ctx.catalog, versions, timeoutMs);
  const replicaSeconds = msSince(stopped) / 1000;
  const probe = await lagProbe;
  const noLag = replica.done && (await probe.waitNoLag(timeoutMs).finally(() => probe.close()));
  if (!replica.done) await probe.close();
  return {
    products: versions.size,
    backlogAtStop: replica.missingAtStart,
    replicaSeconds: replica.done ? round(replicaSeconds, 2) : null,
    seconds: noLag ? round(msSince(stopped) / 1000, 2) : null,
    missingAtTimeout: replica.missing,
  };
}

/** The transaction POST /products runs: the product row and its outbox row, one commit. @param {import('pg').Client} client @param {string} sku */
export async function insertProductTx(client, sku) {
  const row = newProductRow(sku);
  const event = eventPayload('product.created', row);
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO bench_products (id, sku, name, description, price, stock, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [row.id, row.sku, row.name, row.description, row.price, row.stock, row.version, row.createdAt, row.updatedAt],
  );
  await client.query(
    'INSERT INTO bench_outbox_events (event_id, aggregate_id, event_type, version, payload) VALUES ($1, $2, $3, $4, $5)',
    [event.eventId, row.id, event.type, event.version, JSON.stringify(event)],
  );
  await client.query('COMMIT');
}
