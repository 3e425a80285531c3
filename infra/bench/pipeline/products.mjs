// @ts-check
// What the benchmark writes: request bodies for the API, and for the baselines the same product row
// and outbox payload the API writes (apps/api-service/src/products: record-change.ts, product-state.ts).
import { randomUUID } from 'node:crypto';

const NAME = 'Bench enamel mug';
const DESCRIPTION = 'Written by npm run bench to measure the pipeline; holds 350 ml.';

/** A prefix no earlier run used, so each measurement finds exactly its own products. */
export function runTag() {
  return `bench-${Date.now().toString(36)}`;
}

/** The POST /products body for sku. @param {string} sku */
export function createBody(sku) {
  return { sku, name: NAME, description: DESCRIPTION, price: 12.5, stock: 10 };
}

/**
 * @typedef {object} ProductRow
 * @property {string} id
 * @property {string} sku
 * @property {string} name
 * @property {string | null} description
 * @property {string} price
 * @property {number} stock
 * @property {number} version
 * @property {string} createdAt
 * @property {string} updatedAt
 */

/** The row POST /products inserts for sku. @param {string} sku @returns {ProductRow} */
export function newProductRow(sku) {
  const now = new Date().toISOString();
  const body = createBody(sku);
  return { id: randomUUID(), ...body, price: body.price.toFixed(2), version: 1, createdAt: now, updatedAt: now };
}

/**
 * The outbox payload the API validates and stores for a change of row (same fields, order and size).
 * @param {'product.created' | 'product.updated'} type @param {ProductRow} row
 */
export function eventPayload(type, row) {
  return {
    schemaVersion: 1,
    eventId: randomUUID(),
    type,
    productId: row.id,
    version: row.version,
    occurredAt: row.updatedAt,
    product: row,
  };
}
