import { toProductEventMessage } from '@nestjs-kafka-sync/contracts';
import { productEvent } from '@nestjs-kafka-sync/contracts/testing';
import { describe, expect, it } from 'vitest';
import { recordBytes } from './record-bytes.js';

const contentBytes = (message: ReturnType<typeof toProductEventMessage>) =>
  [message.key, message.value, ...Object.entries(message.headers).flat()].reduce(
    (sum, text) => sum + Buffer.byteLength(text),
    0,
  );

describe('recordBytes', () => {
  it('counts key, value and headers in UTF-8, plus the framing', () => {
    const message = toProductEventMessage(productEvent({ product: { name: 'Caneca ☕' } }));
    expect(recordBytes(message)).toBeGreaterThan(contentBytes(message));
    expect(recordBytes(message) - contentBytes(message)).toBeLessThan(200);
  });

  it('counts a control character at the six bytes JSON escapes it to', () => {
    const plain = recordBytes(toProductEventMessage(productEvent({ product: { description: 'a'.repeat(2000) } })));
    const control = recordBytes(
      toProductEventMessage(productEvent({ product: { description: '\u0001'.repeat(2000) } })),
    );
    expect(control - plain).toBe(2000 * 5);
  });
});
