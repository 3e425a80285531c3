import { DeadLetterHeaders, type DeadLetterMessage, type HeaderValue } from './dead-letter.js';

/**
 * Bytes a record batch holding this one record takes on the wire (Kafka's v2 format, uncompressed),
 * a little over: a 61-byte batch header, up to 21 bytes of the record's own varints and attributes,
 * and up to 6 bytes of lengths per header. The broker compares this to the topic's max.message.bytes.
 */
export function recordBytes(message: Pick<DeadLetterMessage, 'key' | 'value' | 'headers'>): number {
  const headers = Object.entries(message.headers).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + headerBytes(value) + 6,
    0,
  );
  return 61 + 21 + bytes(message.key) + bytes(message.value) + headers;
}

/** A reason this long still says what failed; a dead letter cut to fit needs the room for the value. */
const FITTED_REASON = 500;

/**
 * The dead letter as it can be stored on a topic whose records may take `maxBytes`: unchanged when it
 * fits; else its value cut to the bytes left (and marked with its original size, DeadLetterHeaders.truncated),
 * the original headers left out too if even that does not fit. Its `dlq-original-*` headers still
 * point at the full record. Undefined when not even the pointer fits: nothing smaller says where it was.
 */
export function fitDeadLetter(message: DeadLetterMessage, maxBytes: number): DeadLetterMessage | undefined {
  if (recordBytes(message) <= maxBytes) return message;
  const value = Buffer.from(message.value ?? '');
  const reason = String(message.headers[DeadLetterHeaders.reason] ?? '');
  const dlq = Object.fromEntries(Object.entries(message.headers).filter(([name]) => name.startsWith('dlq-')));
  const marks = {
    [DeadLetterHeaders.reason]: reason.length > FITTED_REASON ? `${reason.slice(0, FITTED_REASON - 1)}…` : reason,
    [DeadLetterHeaders.truncated]: String(value.length),
  };
  const candidates = [
    { ...message.headers, ...marks },
    { ...dlq, ...marks, [DeadLetterHeaders.headersDropped]: 'true' },
  ];
  for (const headers of candidates) {
    const room = maxBytes - recordBytes({ key: message.key, value: null, headers });
    if (room >= 0) return { key: message.key, value: value.subarray(0, room), headers };
  }
  return undefined;
}

function bytes(value: Buffer | string | null): number {
  return value === null ? 0 : Buffer.byteLength(value);
}

function headerBytes(value: HeaderValue): number {
  if (value === undefined) return 0;
  return Array.isArray(value) ? value.reduce((sum, v) => sum + bytes(v) + 6, 0) : bytes(value);
}
