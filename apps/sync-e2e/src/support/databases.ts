import { sqlIsoTimestamp } from '@nestjs-kafka-sync/service-kit';
import pg from 'pg';
import { e2eEnv } from './env.js';

export const apiDb = new pg.Pool({ connectionString: e2eEnv.apiDatabaseUrl, max: 2 });
export const catalogDb = new pg.Pool({ connectionString: e2eEnv.catalogDatabaseUrl, max: 2 });
// Outage tests terminate connections to the catalog database; an idle client losing its server is not a test failure.
catalogDb.on('error', () => undefined);

/** Same columns, same text form on both sides, so rows compare with a plain equality. */
const PRODUCT_COLUMNS = `id::text, sku, name, description, price::text, stock, version,
  ${sqlIsoTimestamp('created_at')} AS created_at, ${sqlIsoTimestamp('updated_at')} AS updated_at`;

export type ProductRow = Record<string, string | number | null>;

export async function sourceProducts(): Promise<ProductRow[]> {
  return (await apiDb.query(`SELECT ${PRODUCT_COLUMNS} FROM products ORDER BY id`)).rows;
}

export async function replicaProducts(): Promise<ProductRow[]> {
  return (await catalogDb.query(`SELECT ${PRODUCT_COLUMNS} FROM catalog_products ORDER BY id`)).rows;
}

/**
 * Throws, naming the first differing row, unless the replica equals the source row for row
 * (every field and the version). Returns how many rows it compared.
 */
export async function expectReplicaEqualsSource(): Promise<number> {
  const [source, replica] = await Promise.all([sourceProducts(), replicaProducts()]);
  const replicaById = new Map(replica.map((row) => [row.id, row]));
  for (const row of source) {
    const copy = replicaById.get(row.id);
    if (!copy) throw new Error(`product ${row.id} (v${row.version}) is missing from the replica`);
    const differing = Object.keys(row).filter((column) => row[column] !== copy[column]);
    if (differing.length > 0) {
      throw new Error(
        `product ${row.id} differs in ${differing.map((c) => `${c}: source ${row[c]} vs replica ${copy[c]}`).join(', ')}`,
      );
    }
    replicaById.delete(row.id);
  }
  const [extra] = replicaById.keys();
  if (extra)
    throw new Error(`product ${extra} is in the replica but not in the source (${replicaById.size} such rows)`);
  return source.length;
}

export async function unpublishedOutboxRows(): Promise<number> {
  return Number((await apiDb.query('SELECT count(*) FROM outbox_events WHERE published_at IS NULL')).rows[0].count);
}

/** A clean slate for a test file: no products, no outbox, an empty replica. */
export async function resetDatabases(): Promise<void> {
  await apiDb.query('TRUNCATE products, outbox_events');
  await catalogDb.query('TRUNCATE catalog_products, product_tombstones');
}

export async function closeDatabases(): Promise<void> {
  await Promise.all([apiDb.end(), catalogDb.end()]);
}
