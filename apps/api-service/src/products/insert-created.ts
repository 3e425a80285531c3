import type { ProductEvent } from '@nestjs-kafka-sync/contracts';
import type { Product } from '../generated/prisma/client.js';
import type { SqlClient } from '@nestjs-kafka-sync/service-kit';
import { currentTraceparent } from './record-change.js';

/**
 * A create as ONE SQL statement: the product row and its outbox row, which PostgreSQL commits together
 * (a statement is atomic on its own). Why raw SQL here only: through the ORM a create is an interactive
 * transaction (BEGIN, two INSERTs each through Prisma's query compiler, COMMIT: four round trips), which
 * took 2.4-3.8 ms of CPU per create against 0.55-0.95 ms for this statement and 0.34-0.52 ms for plain pg
 * (`node infra/bench/create-paths.mjs`, README "Performance"); and on plain `pg` (ApiPool), not Prisma's `$executeRaw`,
 * whose request pipeline and query compiler still cost more than the statement. Every column is given, none is
 * defaulted or changed by a trigger, so `row` is the committed row and `event` (built and validated from it
 * beforehand) what the relay publishes.
 */
export async function insertCreated(sql: SqlClient, row: Product, event: ProductEvent): Promise<void> {
  await sql.execute`
    WITH product AS (
      INSERT INTO products (id, sku, name, description, price, stock, version, created_at, updated_at)
      VALUES (${row.id}::uuid, ${row.sku}, ${row.name}, ${row.description}, ${row.price.toString()}::numeric,
              ${row.stock}, ${row.version}, ${row.createdAt}, ${row.updatedAt})
      RETURNING id
    )
    INSERT INTO outbox_events (event_id, aggregate_id, event_type, version, payload, traceparent)
    SELECT ${event.eventId}::uuid, product.id, ${event.type}, ${event.version}, ${JSON.stringify(event)}::jsonb,
           ${currentTraceparent()}
    FROM product`;
}
