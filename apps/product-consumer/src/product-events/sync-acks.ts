import { ackReason, SYNC_ACK_SCHEMA_VERSION, type ProductEvent, type SyncAck } from '@nestjs-kafka-sync/contracts';
import type { ApplyOutcome } from './apply-decision.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ack for a valid event: what applying it did, or why the database refused it. An applied repair
 * says so (`reset`): api-service then takes its version even below what it recorded before.
 */
export function outcomeAck(event: ProductEvent, outcome: ApplyOutcome | { rejected: string }): SyncAck {
  const rejected = typeof outcome === 'object';
  const reset = event.type === 'product.resynced' && outcome === 'applied';
  return {
    schemaVersion: SYNC_ACK_SCHEMA_VERSION,
    productId: event.productId,
    version: event.version,
    status: rejected ? 'rejected' : outcome,
    reason: rejected ? ackReason(outcome.rejected) : null,
    eventId: event.eventId,
    acknowledgedAt: new Date().toISOString(),
    ...(reset && { reset: true as const }),
  };
}

/**
 * The ack for a record that failed validation, against the product its key names; null when the
 * key names none (nobody waits on such a record). Its version is unknown: nothing in a record that
 * failed validation is trusted, so it cannot mark a real version failed.
 */
export function rejectionAck(key: unknown, reason: string): SyncAck | null {
  const productId = typeof key === 'string' && UUID.test(key) ? key : null;
  if (!productId) return null;
  return {
    schemaVersion: SYNC_ACK_SCHEMA_VERSION,
    productId,
    version: null,
    status: 'rejected',
    reason: ackReason(reason),
    eventId: null,
    acknowledgedAt: new Date().toISOString(),
  };
}
