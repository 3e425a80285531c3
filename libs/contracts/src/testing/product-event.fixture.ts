import { randomUUID } from 'node:crypto';
import {
  PRODUCT_EVENT_SCHEMA_VERSION,
  type ProductEvent,
  type ProductEventType,
  type ProductState,
  type Resync,
} from '../product-event.js';

export interface ProductEventFixture {
  productId?: string;
  /** 1 by default; the product carries the same version. */
  version?: number;
  /** `product.created` at version 1, `product.updated` after, unless given. */
  type?: ProductEventType;
  /** When the change happened (occurredAt, createdAt, updatedAt); now by default. */
  at?: string;
  /** Product fields other than id and version, which follow productId and version. */
  product?: Partial<Omit<ProductState, 'id' | 'version'>>;
  /** Makes it a `product.resynced` (a repair) replacing this replica version. */
  resync?: Resync;
}

/** A contract-valid product event for tests, a fresh event id each time. */
export function productEvent(fixture: ProductEventFixture = {}): ProductEvent {
  const productId = fixture.productId ?? randomUUID();
  const version = fixture.version ?? 1;
  const at = fixture.at ?? new Date().toISOString();
  return {
    schemaVersion: PRODUCT_EVENT_SCHEMA_VERSION,
    eventId: randomUUID(),
    type: fixture.resync
      ? 'product.resynced'
      : (fixture.type ?? (version === 1 ? 'product.created' : 'product.updated')),
    productId,
    version,
    occurredAt: at,
    product: {
      id: productId,
      sku: 'SKU-1',
      name: 'Mug',
      description: null,
      price: '9.90',
      stock: 3,
      createdAt: at,
      updatedAt: at,
      ...fixture.product,
      version,
    },
    ...(fixture.resync && { resync: fixture.resync }),
  };
}
