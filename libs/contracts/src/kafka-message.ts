import type { DeadLetterErrorClass } from './dead-letter.js';
import { PRODUCT_EVENT_SCHEMA_VERSION, PRODUCT_EVENT_TYPES, type ProductEvent } from './product-event.js';
import { validateProductEvent, type ValidationResult } from './validation.js';

/** Header names both sides agree on; values are strings (Kafka headers are bytes). */
export const EventHeaders = {
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  eventId: 'event-id',
  contentType: 'content-type',
} as const;

export interface ProductEventMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** The one way a product event becomes a Kafka record: keyed by product id so one product's events stay in order. */
export function toProductEventMessage(
  event: ProductEvent,
  /** More headers, e.g. the W3C `traceparent` of the request that made the change. */
  extra: Record<string, string> = {},
): ProductEventMessage {
  return {
    key: event.productId,
    value: JSON.stringify(event),
    headers: {
      ...extra,
      [EventHeaders.eventType]: event.type,
      [EventHeaders.schemaVersion]: String(PRODUCT_EVENT_SCHEMA_VERSION),
      [EventHeaders.eventId]: event.eventId,
      [EventHeaders.contentType]: 'application/json',
    },
  };
}

/** A record value as JSON, or the reason it is not. */
export function parseJsonValue(value: Buffer | string | null | undefined): ValidationResult<unknown> {
  if (value === null || value === undefined || value.length === 0)
    return { ok: false, reason: '(root): value is empty' };
  try {
    return { ok: true, value: JSON.parse(value.toString()) };
  } catch (error) {
    return { ok: false, reason: `(root): value is not valid JSON (${(error as Error).message})` };
  }
}

export type DecodedProductEvent =
  | { ok: true; value: ProductEvent }
  | { ok: false; reason: string; errorClass: Exclude<DeadLetterErrorClass, 'database-rejected'> };

/** The one way a Kafka record's value becomes a product event, or the reason (and kind of reason) it cannot. */
export function decodeProductEventMessage(value: Buffer | string | null | undefined): DecodedProductEvent {
  const json = parseJsonValue(value);
  if (!json.ok) return { ...json, errorClass: 'unparseable' };
  const event = validateProductEvent(json.value);
  return event.ok ? event : { ...event, errorClass: failureClass(json.value) };
}

/** Sorts a contract failure so operators can tell a producer on a newer contract from a broken one. */
function failureClass(json: unknown): 'unsupported-schema-version' | 'unknown-event-type' | 'contract-violation' {
  if (typeof json !== 'object' || json === null) return 'contract-violation';
  const { schemaVersion, type } = json as Record<string, unknown>;
  if (schemaVersion !== undefined && schemaVersion !== PRODUCT_EVENT_SCHEMA_VERSION)
    return 'unsupported-schema-version';
  if (type !== undefined && !(PRODUCT_EVENT_TYPES as readonly unknown[]).includes(type)) return 'unknown-event-type';
  return 'contract-violation';
}
