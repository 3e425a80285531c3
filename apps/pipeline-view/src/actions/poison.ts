import { PRODUCT_EVENT_SCHEMA_VERSION } from '@nestjs-kafka-sync/contracts';

/**
 * Kinds of poison the page can send, one per way the consumer refuses a record:
 * - not-json: bytes that are not JSON at all (error class `unparseable`)
 * - unknown-type: valid JSON, an event type the contract does not know (`unknown-event-type`)
 * - contract-violation: a known type whose fields break the contract (`contract-violation`)
 */
export const POISON_KINDS = ['not-json', 'unknown-type', 'contract-violation'] as const;
export type PoisonKind = (typeof POISON_KINDS)[number];

/**
 * A record the consumer cannot apply, as a buggy or foreign producer would write it. It has a key
 * (a fresh product id): product.events is compacted, and Kafka refuses a keyless record there.
 */
export function poisonRecord(kind: PoisonKind, productId: string) {
  const headers = { 'content-type': 'application/json', 'sent-by': 'pipeline-view (poison on purpose)' };
  const envelope = { schemaVersion: PRODUCT_EVENT_SCHEMA_VERSION, eventId: productId, productId, version: 1 };
  const value = {
    'not-json': `{"productId": "${productId}", "price": 12,50 — not JSON`,
    'unknown-type': JSON.stringify({ ...envelope, type: 'product.teleported' }),
    'contract-violation': JSON.stringify({ ...envelope, type: 'product.created', product: { id: productId } }),
  }[kind];
  return { key: productId, value, headers };
}
