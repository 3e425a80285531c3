import { randomUUID } from 'node:crypto';
import {
  PRODUCT_EVENT_SCHEMA_VERSION,
  productEventSchema,
  type ProductEventType,
  type ProductState,
} from '@nestjs-kafka-sync/contracts';
import type { Prisma, Product } from '../generated/prisma/client.js';
import { assertEventFits } from './event-size.js';
import { toProductState } from './product-state.js';

/**
 * Writes the outbox row for a change; the envelope is validated here so a broken event can never be queued,
 * and, given `maxEventBytes`, one too large for the topic is refused (EventTooLarge) before the insert.
 */
export async function recordChange(
  tx: Prisma.TransactionClient,
  type: ProductEventType,
  row: Product,
  maxEventBytes?: number,
): Promise<ProductState> {
  const product = toProductState(row);
  const event = productEventSchema.parse({
    schemaVersion: PRODUCT_EVENT_SCHEMA_VERSION,
    eventId: randomUUID(),
    type,
    productId: row.id,
    version: row.version,
    occurredAt: product.updatedAt,
    product,
  });
  if (maxEventBytes !== undefined) assertEventFits(event, maxEventBytes);
  await tx.outboxEvent.create({
    data: {
      eventId: event.eventId,
      aggregateId: event.productId,
      eventType: type,
      version: event.version,
      payload: event,
    },
  });
  return product;
}
