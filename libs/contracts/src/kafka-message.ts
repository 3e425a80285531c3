import { PRODUCT_EVENT_SCHEMA_VERSION, type ProductEvent } from './product-event.js';
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
export function toProductEventMessage(event: ProductEvent): ProductEventMessage {
  return {
    key: event.productId,
    value: JSON.stringify(event),
    headers: {
      [EventHeaders.eventType]: event.type,
      [EventHeaders.schemaVersion]: String(PRODUCT_EVENT_SCHEMA_VERSION),
      [EventHeaders.eventId]: event.eventId,
      [EventHeaders.contentType]: 'application/json',
    },
  };
}

/** A record value as JSON, or the reason it is not. */
export function parseJsonValue(value: Buffer | string | null | undefined): ValidationResult<unknown> {
  if (value === null || value === undefined || value.length === 0) return { ok: false, reason: '(root): value is empty' };
  try {
    return { ok: true, value: JSON.parse(value.toString()) };
  } catch (error) {
    return { ok: false, reason: `(root): value is not valid JSON (${(error as Error).message})` };
  }
}

/** The one way a Kafka record's value becomes a product event, or the reason it cannot. */
export function decodeProductEventMessage(value: Buffer | string | null | undefined): ValidationResult<ProductEvent> {
  const json = parseJsonValue(value);
  return json.ok ? validateProductEvent(json.value) : json;
}
