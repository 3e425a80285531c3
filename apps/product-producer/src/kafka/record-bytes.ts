import type { ProductEventMessage } from '@nestjs-kafka-sync/contracts';

/**
 * A record's framing in a v2 record batch beyond its key, value and header bytes: length, attributes,
 * timestamp and offset deltas, key and value lengths, header count (varints, at most 5 bytes each).
 * Rounded up: an estimate that is a little large only makes a request a little smaller.
 */
const RECORD_FRAMING = 40;
/** Each header's two length varints. */
const HEADER_FRAMING = 10;
/**
 * What a partition's record batch adds to its records: the v2 batch header is 61 bytes, and the broker
 * checks max.message.bytes against the whole batch. The rest is headroom for the request's framing.
 */
export const BATCH_OVERHEAD_BYTES = 256;

/** The bytes a record takes in a record batch, uncompressed (the relay sends without compression). */
export function recordBytes(message: ProductEventMessage): number {
  let bytes = RECORD_FRAMING + Buffer.byteLength(message.key) + Buffer.byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers))
    bytes += HEADER_FRAMING + Buffer.byteLength(name) + Buffer.byteLength(value);
  return bytes;
}
