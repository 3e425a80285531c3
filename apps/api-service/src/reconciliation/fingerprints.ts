import { sqlIsoTimestamp } from '@nestjs-kafka-sync/service-kit';
import pg from 'pg';
import type { ProductFingerprint } from './drift.js';

/**
 * The same fingerprint on both sides, computed by PostgreSQL: every field the replica copies,
 * in a JSON array (so NULL and '' cannot collide), hashed. `replicated_at` is the replica's own.
 */
const fingerprintQuery = (table: 'products' | 'catalog_products') => `
  SELECT id::text AS id, version, md5(json_build_array(
    sku, name, description, price::text, stock, version,
    ${sqlIsoTimestamp('created_at')}, ${sqlIsoTimestamp('updated_at')})::text) AS hash
  FROM ${table}
  WHERE $1::uuid IS NULL OR ${table}.id > $1::uuid
  ORDER BY ${table}.id -- the uuid column, byte order, as findDrift compares; not the text alias under a collation
  LIMIT $2`;

/** Streams a table's fingerprints in id order, one keyset-paginated batch at a time. */
export async function* fingerprints(
  pool: pg.Pool,
  table: 'products' | 'catalog_products',
  batchSize: number,
): AsyncGenerator<ProductFingerprint> {
  let after: string | null = null;
  for (;;) {
    const { rows }: pg.QueryResult<ProductFingerprint> = await pool.query(fingerprintQuery(table), [after, batchSize]);
    yield* rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].id;
  }
}
