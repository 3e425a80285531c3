import type { ProductEvent } from '@nestjs-kafka-sync/contracts';
import { apiDb } from './databases.js';

/** The newest outbox row's id ('0' if none): rows written later have larger ids. */
export async function lastOutboxId(): Promise<string> {
  return (await apiDb.query<{ max: string }>('SELECT coalesce(max(id), 0)::text AS max FROM outbox_events')).rows[0]
    .max;
}

/** Event ids of the outbox rows written after `afterId` (from lastOutboxId), in write order. */
export async function outboxEventIdsAfter(afterId: string): Promise<string[]> {
  return (
    await apiDb.query<{ event_id: string }>('SELECT event_id::text FROM outbox_events WHERE id > $1 ORDER BY id', [
      afterId,
    ])
  ).rows.map((row) => row.event_id);
}

/** The event id of one product's change, by version. */
export async function outboxEventIdOf(productId: string, version: number): Promise<string> {
  const { rows } = await apiDb.query<{ event_id: string }>(
    'SELECT event_id::text FROM outbox_events WHERE aggregate_id = $1 AND version = $2',
    [productId, version],
  );
  if (rows.length !== 1) throw new Error(`${rows.length} outbox rows for ${productId} v${version}`);
  return rows[0].event_id;
}

/**
 * Queues events straight into the outbox in one transaction (the relay sees them at once, one batch),
 * bypassing api-service's checks: how a bug or a hand-made row would.
 */
export async function insertOutboxEvents(...events: ProductEvent[]): Promise<void> {
  await apiDb.query(
    `INSERT INTO outbox_events (event_id, aggregate_id, event_type, version, payload)
     SELECT (e->>'eventId')::uuid, (e->>'productId')::uuid, e->>'type', (e->>'version')::int, e
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(e, n) ORDER BY n`,
    [JSON.stringify(events)],
  );
}

/** The parking columns of an event's outbox row. */
export async function parkingOf(
  eventId: string,
): Promise<{ parked: boolean; published: boolean; reason: string | null }> {
  const { rows } = await apiDb.query(
    `SELECT parked_at IS NOT NULL AS parked, published_at IS NOT NULL AS published, park_reason AS reason
     FROM outbox_events WHERE event_id = $1`,
    [eventId],
  );
  return rows[0];
}

/** How many product rows and outbox rows hold this sku: [0, 0] when a write was refused whole. */
export async function rowsWithSku(sku: string): Promise<[number, number]> {
  const { rows } = await apiDb.query<{ products: number; outbox: number }>(
    `SELECT (SELECT count(*) FROM products WHERE sku = $1)::int AS products,
            (SELECT count(*) FROM outbox_events WHERE payload->'product'->>'sku' = $1)::int AS outbox`,
    [sku],
  );
  return [rows[0].products, rows[0].outbox];
}
