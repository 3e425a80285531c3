import { productEvent } from '@nestjs-kafka-sync/contracts/testing';
import { describe, expect, it } from 'vitest';
import { assertEventFits, eventRecordBytes } from './event-size.js';
import { EventTooLarge } from './product.errors.js';

describe('assertEventFits', () => {
  const event = productEvent({ product: { description: '\u0001'.repeat(2000) } });
  const bytes = eventRecordBytes(event);

  it('counts the serialized record: a control character weighs the six bytes JSON escapes it to', () => {
    const plain = eventRecordBytes(productEvent({ product: { description: 'a'.repeat(2000) } }));
    expect(bytes - plain).toBe(2000 * 5);
    expect(bytes).toBeGreaterThan(12_000);
  });

  it('lets an event up to the limit through', () => {
    expect(() => assertEventFits(event, bytes)).not.toThrow();
  });

  it('refuses one byte more as too-large, naming the heaviest field, the sizes, and that nothing was written', () => {
    let error: unknown;
    try {
      assertEventFits(event, bytes - 1);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EventTooLarge);
    expect(error).toMatchObject({
      kind: 'too-large',
      fields: [{ field: 'description', reason: expect.stringContaining(`${bytes} bytes`) }],
      facts: { eventBytes: bytes, maxEventBytes: bytes - 1, written: false },
    });
  });
});
