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
import { assertEventFits } from './event-size.js';
import { toProductState } from './product-state.js';

/**
 * The event describing a change, validated here so a broken event can never be queued, and, given
 * `maxEventBytes`, one too large for the topic refused (EventTooLarge) before anything is written.
 */
export function productEvent(type: ProductEventType, row: Product, maxEventBytes?: number): ProductEvent {
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
  return event;
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
  maxEventBytes?: number,
): Promise<ProductState> {
  const event = productEvent(type, row, maxEventBytes);
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
