import type { ProductEvent } from '@nestjs-kafka-sync/contracts';
import { randomUUID } from 'node:crypto';

/** A contract-valid product.created event for a product only this test knows. */
export function validEvent(overrides: Partial<ProductEvent> = {}): ProductEvent {
  const id = randomUUID();
  const at = new Date().toISOString();
  return {
    schemaVersion: 1,
    eventId: randomUUID(),
    type: 'product.created',
    productId: id,
    version: 1,
    occurredAt: at,
    product: {
      id,
      sku: `RAW-${id.slice(0, 8)}`,
      name: 'Raw',
      description: null,
      price: '1.00',
      stock: 1,
      version: 1,
      createdAt: at,
      updatedAt: at,
    },
    ...overrides,
  };
}
