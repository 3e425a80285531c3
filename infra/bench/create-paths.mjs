// @ts-check
// `node infra/bench/create-paths.mjs [creates]` (after a build): api-service's create as it was (an interactive
// Prisma transaction: two ORM inserts) beside what it is now (one SQL statement: apps/api-service/src/products/
// insert-created.ts) and a plain-pg transaction, in one run, on a scratch database it creates and drops. Prints
// creates/s and this process's CPU per create for each, twice in alternation (the machine is noisy).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { ensureDatabases, migrate } from '../postgres.mjs';
import { log, repoRoot } from '../run.mjs';

const creates = Number(process.argv[2] ?? 1500);
const CONCURRENCY = 8;
const server = new URL(process.env.API_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/api_service');
const url = new URL('/api_service_create_paths', server);
const admin = new URL('/postgres', server).toString();
await ensureDatabases([url.toString()], { mayStartLocal: false });
await migrate(`${repoRoot}apps/api-service`, {
  API_DATABASE_URL: url.toString(),
  CATALOG_DATABASE_URL: url.toString(),
});

const { PrismaClient, Prisma } = await import(`${repoRoot}apps/api-service/dist/generated/prisma/client.js`);
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: CONCURRENCY }) });
const pool = new pg.Pool({ connectionString: url.toString(), max: CONCURRENCY });

function product() {
  const now = new Date();
  const row = { id: randomUUID(), sku: `CP-${randomUUID()}`, name: 'Bench', description: null, stock: 1, version: 1 };
  const state = { ...row, price: '1.50', createdAt: now.toISOString(), updatedAt: now.toISOString() };
  const event = { schemaVersion: 1, eventId: randomUUID(), type: 'product.created', productId: row.id, version: 1 };
  return {
    row: { ...row, price: new Prisma.Decimal('1.50'), createdAt: now, updatedAt: now },
    event: { ...event, occurredAt: state.updatedAt, product: state },
  };
}

/** @type {Record<string, () => Promise<unknown>>} */
const paths = {
  'interactive Prisma transaction (before)': () => {
    const { row, event } = product();
    return prisma.$transaction(async (/** @type {any} */ tx) => {
      await tx.product.create({ data: row });
      await tx.outboxEvent.create({
        data: { eventId: event.eventId, aggregateId: row.id, eventType: event.type, version: 1, payload: event },
      });
    });
  },
  'one statement through Prisma (now)': () => {
    const { row, event } = product();
    return prisma.$executeRaw`WITH product AS (
      INSERT INTO products (id, sku, name, description, price, stock, version, created_at, updated_at)
      VALUES (${row.id}::uuid, ${row.sku}, ${row.name}, ${row.description}, ${row.price}::numeric, ${row.stock},
              ${row.version}, ${row.createdAt}, ${row.updatedAt}) RETURNING id)
      INSERT INTO outbox_events (event_id, aggregate_id, event_type, version, payload, traceparent)
      SELECT ${event.eventId}::uuid, product.id, ${event.type}, 1, ${JSON.stringify(event)}::jsonb, ${null} FROM product`;
  },
  'plain pg transaction (baseline)': async () => {
    const { row, event } = product();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        'INSERT INTO products (id, sku, name, description, price, stock, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)',
        [row.id, row.sku, row.name, row.description, '1.50', row.stock, row.createdAt, row.updatedAt],
      );
      await client.query(
        'INSERT INTO outbox_events (event_id, aggregate_id, event_type, version, payload) VALUES ($1, $2, $3, 1, $4)',
        [event.eventId, row.id, event.type, JSON.stringify(event)],
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  },
};

/** @param {() => Promise<unknown>} create */
async function measure(create) {
  for (let i = 0; i < 100; i++) await create(); // warm-up: JIT, pool, Prisma's compiled plans
  const cpu = process.cpuUsage();
  const started = performance.now();
  let left = creates;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) await create();
    }),
  );
  const used = process.cpuUsage(cpu);
  return {
    perSecond: Math.round(creates / ((performance.now() - started) / 1000)),
    cpuMs: (used.user + used.system) / 1000 / creates,
  };
}

try {
  for (const round of [1, 2])
    for (const [name, create] of Object.entries(paths)) {
      const { perSecond, cpuMs } = await measure(create);
      log(
        `round ${round}: ${name}: ${perSecond} creates/s, ${cpuMs.toFixed(2)} ms CPU per create (${creates} creates, ${CONCURRENCY} at a time)`,
      );
    }
} finally {
  await Promise.all([prisma.$disconnect(), pool.end()]);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query('DROP DATABASE IF EXISTS api_service_create_paths');
  await client.end();
}
