import type { ProductEvent } from '@nestjs-kafka-sync/contracts';
import type { Product } from '../generated/prisma/client.js';
import type { PrismaService } from '../prisma/prisma.service.js';
import type { StoredSyncState } from '../sync/sync-state.js';
import { currentTraceparent } from './record-change.js';

/** The product moved on (another write, or a delete) since it was read: nothing was written. */
export const MOVED = Symbol('moved');

/**
 * An update as ONE SQL statement, for the reason insert-created.ts gives: the product row becomes `next` and its
 * outbox row is inserted, both only if the product is still at `readVersion` (optimistic: a concurrent write
 * makes it match nothing, and the caller reads again). It answers the product's sync state in the same round
 * trip, so the response needs no read after the commit; or MOVED.
 */
export async function updateAtVersion(
  prisma: PrismaService,
  next: Product,
  readVersion: number,
  event: ProductEvent,
): Promise<StoredSyncState | null | typeof MOVED> {
  const rows = await prisma.$queryRaw<{ written: boolean; state: StoredSyncState | null }[]>`
    WITH updated AS (
      UPDATE products
      SET sku = ${next.sku}, name = ${next.name}, description = ${next.description}, price = ${next.price}::numeric,
          stock = ${next.stock}, version = ${next.version}, updated_at = ${next.updatedAt}
      WHERE id = ${next.id}::uuid AND version = ${readVersion}
      RETURNING id
    ), queued AS (
      INSERT INTO outbox_events (event_id, aggregate_id, event_type, version, payload, traceparent)
      SELECT ${event.eventId}::uuid, updated.id, ${event.type}, ${event.version}, ${JSON.stringify(event)}::jsonb,
             ${currentTraceparent()}
      FROM updated
      RETURNING aggregate_id
    )
    SELECT true AS written,
           CASE WHEN s.product_id IS NULL THEN NULL ELSE json_build_object(
             'replicatedVersion', s.replicated_version,
             'rejectedVersion', s.rejected_version,
             'rejectionReason', s.rejection_reason) END AS state
    FROM queued LEFT JOIN product_sync_state s ON s.product_id = queued.aggregate_id`;
  return rows.length === 0 ? MOVED : rows[0].state;
}
