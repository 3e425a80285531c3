import { toProductEventMessage, type ProductEvent } from '@nestjs-kafka-sync/contracts';
import { EventTooLarge } from './product.errors.js';

/** The bytes of the Kafka record the relay will send for an event: key, JSON value and headers, in UTF-8. */
export function eventRecordBytes(event: ProductEvent): number {
  const message = toProductEventMessage(event);
  const texts = [message.key, message.value, ...Object.entries(message.headers).flat()];
  return texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
}

/**
 * Refuses, before the outbox insert, a change whose event product.events could not take: the relay would
 * have to park it, and the replica would miss the change. Counted as the relay counts it, in serialized
 * bytes, so a value JSON escapes (a control character: six bytes) weighs what it will weigh. The error
 * names the product field that weighs most, the one the client most likely has to shorten.
 */
export function assertEventFits(event: ProductEvent, maxBytes: number): void {
  const bytes = eventRecordBytes(event);
  if (bytes <= maxBytes) return;
  const [heaviest] = Object.entries(event.product)
    .map(([field, value]) => ({ field, bytes: Buffer.byteLength(JSON.stringify(value) ?? '') }))
    .sort((a, b) => b.bytes - a.bytes);
  throw new EventTooLarge(heaviest.field, bytes, maxBytes);
}
