import { parseJsonValue, type ProductEvent, type SyncAck } from '@nestjs-kafka-sync/contracts';
import type { ApplyOutcome } from './apply-decision.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ack for a valid event: what applying it did, or why the database refused it. */
export function outcomeAck(event: ProductEvent, outcome: ApplyOutcome | { rejected: string }): SyncAck {
  const rejected = typeof outcome === 'object';
  return {
    schemaVersion: 1,
    productId: event.productId,
    version: event.version,
    status: rejected ? 'rejected' : outcome,
    reason: rejected ? outcome.rejected : null,
    eventId: event.eventId,
    acknowledgedAt: new Date().toISOString(),
  };
}

/**
 * The ack for a record that failed validation, with whatever can still be read from it; null
 * when not even the key names a product (nobody is waiting on such a record).
 */
export function rejectionAck(key: unknown, value: Buffer | string | null | undefined, reason: string): SyncAck | null {
  const productId = typeof key === 'string' && UUID.test(key) ? key : null;
  if (!productId) return null;
  const json = parseJsonValue(value);
  const fields = json.ok && typeof json.value === 'object' && json.value !== null ? (json.value as Record<string, unknown>) : {};
  const version = Number.isInteger(fields.version) && (fields.version as number) >= 1 ? (fields.version as number) : null;
  const eventId = typeof fields.eventId === 'string' && UUID.test(fields.eventId) ? fields.eventId : null;
  return { schemaVersion: 1, productId, version, status: 'rejected', reason, eventId, acknowledgedAt: new Date().toISOString() };
}
