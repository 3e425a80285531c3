import { describe, expect, it } from 'vitest';
import { readDeadLetter, toDeadLetterMessage, type DeadLetterMessage } from './dead-letter.js';
import { fitDeadLetter, recordBytes } from './dead-letter-fit.js';

const letter = (valueBytes: number, headers: Record<string, string> = { 'event-type': 'product.updated' }) =>
  toDeadLetterMessage(
    { topic: 'product.events', partition: 2, offset: '41', key: 'p-1', value: Buffer.alloc(valueBytes, 'x'), headers },
    { errorClass: 'contract-violation', reason: 'r'.repeat(3000), consumerGroup: 'g', failedAt: new Date(0) },
  );
/** As the consumer reads it back: header values are bytes. */
const asRead = (message: DeadLetterMessage | undefined) => {
  if (!message) throw new Error('did not fit');
  return readDeadLetter({
    partition: 0,
    offset: '0',
    key: Buffer.from(String(message.key)),
    value: message.value === null ? null : Buffer.from(message.value),
    headers: Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, Buffer.from(String(v))])),
  });
};
/** The record's size, once it fitted. */
const sizeOf = (message: DeadLetterMessage | undefined) => (message ? recordBytes(message) : Infinity);

describe('fitDeadLetter', () => {
  it('leaves a dead letter that fits as it is', () => {
    const message = letter(1000);
    expect(fitDeadLetter(message, 1_048_588)).toBe(message);
  });

  it('cuts the value of one too large to the bytes left, says so with the original size, and keeps the pointer', () => {
    const fitted = fitDeadLetter(letter(200_000), 100_000);
    expect(sizeOf(fitted)).toBe(100_000);
    const read = asRead(fitted);
    expect(read.truncated).toEqual({ originalValueBytes: 200_000, headersDropped: false });
    expect(read.original).toEqual({ topic: 'product.events', partition: 2, offset: '41', key: 'p-1' });
    expect(read.headers).toEqual({ 'event-type': 'product.updated' });
    expect(read.reason.length).toBe(500);
    expect(read.value?.length).toBeGreaterThan(95_000);
  });

  it('leaves the original headers out when they alone are over the limit', () => {
    const fitted = fitDeadLetter(letter(10, { huge: 'h'.repeat(5000) }), 2000);
    expect(asRead(fitted).truncated).toEqual({ originalValueBytes: 10, headersDropped: true });
    expect(asRead(fitted).headers).toEqual({});
    expect(sizeOf(fitted)).toBeLessThanOrEqual(2000);
  });

  it('gives up when not even the pointer fits', () => {
    expect(fitDeadLetter(letter(10), 300)).toBeUndefined();
  });

  it('a dead letter not cut reads back as not truncated', () => {
    expect(asRead(letter(10)).truncated).toBeNull();
  });
});
