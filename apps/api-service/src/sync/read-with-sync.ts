import type { SqlClient } from '@nestjs-kafka-sync/service-kit';
import { Prisma, type Product } from '../generated/prisma/client.js';
import type { StoredSyncState } from './sync-state.js';

/** A product row (null: none, or deleted) and the sync state stored for its id (null: no ack yet). */
export interface ProductWithSync {
  row: Product | null;
  state: StoredSyncState | null;
}

/**
 * A product and the sync state of its id in ONE statement (a deleted product keeps its state): one round trip instead
 * of two, and one snapshot, so an ack the state holds is never for a version newer than the row read (what a
 * waiter needs). On plain `pg` (ApiPool) for the reason insert-created.ts gives: GET /products/:id and every
 * wake-up of a `Prefer: wait-for-sync` waiter are hot paths.
 */
export async function readWithSync(sql: SqlClient, id: string): Promise<ProductWithSync> {
  const [found] = await sql.query<Omit<Product, 'price'> & { price: string; state: StoredSyncState | null }>`
    SELECT p.id, p.sku, p.name, p.description, p.price::text AS price, p.stock, p.version,
           p.created_at AS "createdAt", p.updated_at AS "updatedAt",
           CASE WHEN s.product_id IS NULL THEN NULL ELSE json_build_object(
             'replicatedVersion', s.replicated_version,
             'rejectedVersion', s.rejected_version,
             'rejectionReason', s.rejection_reason) END AS state
    FROM (SELECT ${id}::uuid AS id) k
      LEFT JOIN products p ON p.id = k.id
      LEFT JOIN product_sync_state s ON s.product_id = k.id`;
  const { state, price, ...row } = found;
  return { row: row.id === null ? null : { ...row, price: new Prisma.Decimal(price) }, state };
}
