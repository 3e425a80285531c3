import { randomUUID } from 'node:crypto';
import {
  PRODUCT_EVENT_SCHEMA_VERSION,
  productEventSchema,
  type ProductEvent,
  type ProductEventType,
  type ProductState,
} from '@nestjs-kafka-sync/contracts';
import { traceHeaders } from '@nestjs-kafka-sync/observability';
import type { Prisma, Product } from '../generated/prisma/client.js';
import { toProductState } from './product-state.js';

/** The event describing a change, validated here so a broken event can never be queued. */
export function productEvent(type: ProductEventType, row: Product): ProductEvent {
  const product = toProductState(row);
  return productEventSchema.parse({
    schemaVersion: PRODUCT_EVENT_SCHEMA_VERSION,
    eventId: randomUUID(),
    type,
    productId: row.id,
    version: row.version,
    occurredAt: product.updatedAt,
    product,
  });
}

/**
 * The request's span (traceHttpRequests) as W3C `traceparent`, kept on the outbox row: the relay sends it on
 * as the record's header. Null outside any span.
 */
export function currentTraceparent(): string | null {
  return traceHeaders().traceparent ?? null;
}

/** Writes the outbox row for a change inside the writing transaction. */
export async function recordChange(
  tx: Prisma.TransactionClient,
  type: ProductEventType,
  row: Product,
): Promise<ProductState> {
  const event = productEvent(type, row);
  await tx.outboxEvent.create({
    data: {
      eventId: event.eventId,
      aggregateId: event.productId,
      eventType: type,
      version: event.version,
      payload: event,
      traceparent: currentTraceparent(),
    },
  });
  return event.product;
}
