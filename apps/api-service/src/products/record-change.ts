import { randomUUID } from 'node:crypto';
import {
  PRODUCT_EVENT_SCHEMA_VERSION,
  productEventSchema,
  type ProductEventType,
  type ProductState,
} from '@nestjs-kafka-sync/contracts';
import { traceHeaders } from '@nestjs-kafka-sync/observability';
import type { Prisma, Product } from '../generated/prisma/client.js';
import { toProductState } from './product-state.js';

/** Writes the outbox row for a change; the envelope is validated here so a broken event can never be queued. */
export async function recordChange(
  tx: Prisma.TransactionClient,
  type: ProductEventType,
  row: Product,
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
  await tx.outboxEvent.create({
    data: {
      eventId: event.eventId,
      aggregateId: event.productId,
      eventType: type,
      version: event.version,
      payload: event,
      // The request's span (traceHttpRequests): the relay sends it on as the record's `traceparent` header.
      traceparent: traceHeaders().traceparent ?? null,
    },
  });
  return product;
}
