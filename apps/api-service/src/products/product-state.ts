import type { ProductState } from '@nestjs-kafka-sync/contracts';
import type { Product } from '../generated/prisma/client.js';

/** A products row as the contract (and the API) shows it: price as a 2-place string, times as ISO-8601. */
export function toProductState(row: Product): ProductState {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    price: row.price.toFixed(2),
    stock: row.stock,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
