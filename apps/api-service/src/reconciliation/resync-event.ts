import { randomUUID } from 'node:crypto';
import {
  PRODUCT_EVENT_SCHEMA_VERSION,
  productEventSchema,
  type ProductState,
  type Resync,
} from '@nestjs-kafka-sync/contracts';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * Queues a repair's `product.resynced` in the outbox, so the relay publishes it in order with the
 * product's other events (one partition, by key). It carries a version the source already has: a
 * repair changes no source row, so no version is bumped and none can overflow.
 */
export async function recordResync(tx: Prisma.TransactionClient, product: ProductState, resync: Resync): Promise<void> {
  const event = productEventSchema.parse({
    schemaVersion: PRODUCT_EVENT_SCHEMA_VERSION,
    eventId: randomUUID(),
    type: 'product.resynced',
    productId: product.id,
    version: product.version,
    occurredAt: new Date().toISOString(),
    product,
    resync,
  });
  await tx.outboxEvent.create({
    data: {
      eventId: event.eventId,
      aggregateId: event.productId,
      eventType: event.type,
      version: event.version,
      payload: event,
    },
  });
}
