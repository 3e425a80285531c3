import type { ProductEvent } from '@nestjs-kafka-sync/contracts';
import type { KnownVersions } from './apply-decision.js';
import type { SqlClient } from '@nestjs-kafka-sync/service-kit';

/** The transaction's client (CatalogPool.transaction). */
type Tx = SqlClient;

/**
 * Locks each product of a batch for the transaction, in one sorted order (so two consumers briefly
 * sharing a partition during a rebalance cannot deadlock), with the same keys as the per-record apply.
 */
export async function lockProducts(tx: Tx, ids: string[]): Promise<void> {
  await tx.execute`SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(id, 0) AS k FROM unnest(${ids}::text[]) AS id ORDER BY k) AS keys`;
}

/** What the replica knows of each product: live row's version and tombstone's version. */
export async function knownVersions(tx: Tx, ids: string[]): Promise<Map<string, KnownVersions>> {
  const rows = await tx.query<{ id: string; rowVersion: number | null; tombstoneVersion: number | null }>`
    SELECT p.id, c.version AS "rowVersion", t.version AS "tombstoneVersion"
    FROM unnest(${ids}::text[]) AS p(id)
    LEFT JOIN catalog_products c ON c.id = p.id::uuid
    LEFT JOIN product_tombstones t ON t.product_id = p.id::uuid`;
  return new Map(rows.map((r) => [r.id, { rowVersion: r.rowVersion, tombstoneVersion: r.tombstoneVersion }]));
}

/**
 * Forgets what the replica holds of products a repair (`product.resynced`) applied to, row and tombstone,
 * so the batch's writes that follow set them to the source's version even below the one they held.
 */
export async function resetProducts(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute`DELETE FROM catalog_products WHERE id = ANY(${ids}::uuid[])`;
  await tx.execute`DELETE FROM product_tombstones WHERE product_id = ANY(${ids}::uuid[])`;
}

/** Upserts the products' states in one statement; never over a newer row, never over a newer or equal tombstone. */
export async function upsertProducts(tx: Tx, events: ProductEvent[]): Promise<void> {
  if (events.length === 0) return;
  const p = events.map((e) => e.product);
  await tx.execute`
    INSERT INTO catalog_products (id, sku, name, description, price, stock, version, created_at, updated_at, replicated_at)
    SELECT u.id, u.sku, u.name, u.description, u.price, u.stock, u.version, u.created_at, u.updated_at, clock_timestamp()
    FROM unnest(${p.map((s) => s.id)}::uuid[], ${p.map((s) => s.sku)}::text[], ${p.map((s) => s.name)}::text[],
                ${p.map((s) => s.description)}::text[], ${p.map((s) => s.price)}::numeric[], ${p.map((s) => s.stock)}::int[],
                ${p.map((s) => s.version)}::int[], ${p.map((s) => s.createdAt)}::timestamptz[], ${p.map((s) => s.updatedAt)}::timestamptz[])
      AS u(id, sku, name, description, price, stock, version, created_at, updated_at)
    WHERE NOT EXISTS (SELECT 1 FROM product_tombstones t WHERE t.product_id = u.id AND t.version >= u.version)
    ON CONFLICT (id) DO UPDATE SET
      sku = excluded.sku, name = excluded.name, description = excluded.description, price = excluded.price,
      stock = excluded.stock, version = excluded.version, created_at = excluded.created_at,
      updated_at = excluded.updated_at, replicated_at = excluded.replicated_at
    WHERE excluded.version > catalog_products.version`;
}

/** Removes the rows of deleted products (only rows older than the delete). */
export async function deleteProducts(tx: Tx, events: ProductEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.execute`
    DELETE FROM catalog_products c
    USING unnest(${events.map((e) => e.productId)}::uuid[], ${events.map((e) => e.version)}::int[]) AS d(id, version)
    WHERE c.id = d.id AND c.version < d.version`;
}

/** Remembers each delete's version (raising, never lowering, a tombstone). */
export async function upsertTombstones(tx: Tx, events: ProductEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.execute`
    INSERT INTO product_tombstones (product_id, version, deleted_at)
    SELECT * FROM unnest(${events.map((e) => e.productId)}::uuid[], ${events.map((e) => e.version)}::int[],
                         ${events.map((e) => e.occurredAt)}::timestamptz[])
    ON CONFLICT (product_id) DO UPDATE SET version = excluded.version, deleted_at = excluded.deleted_at
    WHERE excluded.version > product_tombstones.version`;
}
