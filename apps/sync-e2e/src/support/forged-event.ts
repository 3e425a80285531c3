import { toProductEventMessage } from '@nestjs-kafka-sync/contracts';
import { productEvent } from '@nestjs-kafka-sync/contracts/testing';
import type { Product } from './api.js';
import { produceRaw } from './kafka.js';

/**
 * Writes a contract-valid `product.updated` for an existing product straight to product.events, at a
 * version api-service never wrote, as a hostile or buggy producer with access to the topic could.
 */
export async function forgeUpdate(product: Product, version: number, name: string): Promise<void> {
  const { id, sku, description, price, stock } = product;
  const event = productEvent({ productId: id, version, product: { sku, name, description, price, stock } });
  await produceRaw([toProductEventMessage(event)]);
}
