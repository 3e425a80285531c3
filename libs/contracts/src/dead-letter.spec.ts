import { describe, expect, it } from 'vitest';
import { DeadLetterHeaders, readDeadLetter, toDeadLetterMessage } from './dead-letter.js';

const source = {
  topic: 'product.events',
  partition: 2,
  offset: '41',
  key: Buffer.from('5d0f5a52-8a38-4a43-9b53-0b3c54c5f1a1'),
  value: Buffer.from('{not json'),
  headers: { 'event-type': Buffer.from('product.updated') },
};

describe('dead letters', () => {
  it('keep the original key, value and headers and say what failed, where and when', () => {
    const failedAt = new Date('2026-11-23T10:00:00.000Z');
    const message = toDeadLetterMessage(source, {
      errorClass: 'unparseable',
      reason: '(root): value is not valid JSON',
      consumerGroup: 'product-catalog',
      failedAt,
    });
    expect(message.key).toBe(source.key);
    expect(message.value).toBe(source.value);
    expect(message.headers).toEqual({
      'event-type': source.headers['event-type'],
      [DeadLetterHeaders.errorClass]: 'unparseable',
      [DeadLetterHeaders.reason]: '(root): value is not valid JSON',
      [DeadLetterHeaders.originalTopic]: 'product.events',
      [DeadLetterHeaders.originalPartition]: '2',
      [DeadLetterHeaders.originalOffset]: '41',
      [DeadLetterHeaders.originalKey]: '5d0f5a52-8a38-4a43-9b53-0b3c54c5f1a1',
      [DeadLetterHeaders.failedAt]: '2026-11-23T10:00:00.000Z',
      [DeadLetterHeaders.consumerGroup]: 'product-catalog',
    });
  });

  it('read back as they were written, headers as Kafka returns them (bytes)', () => {
    const message = toDeadLetterMessage(source, { errorClass: 'unparseable', reason: 'bad', consumerGroup: 'g' });
    const asRead = Object.fromEntries(
      Object.entries(message.headers).map(([name, value]) => [name, Buffer.from(value)]),
    );
    const letter = readDeadLetter({ partition: 0, offset: '7', key: source.key, value: source.value, headers: asRead });
    expect(letter).toMatchObject({
      partition: 0,
      offset: '7',
      errorClass: 'unparseable',
      reason: 'bad',
      original: { topic: 'product.events', partition: 2, offset: '41', key: '5d0f5a52-8a38-4a43-9b53-0b3c54c5f1a1' },
      consumerGroup: 'g',
      headers: { 'event-type': 'product.updated' },
    });
  });

  it('a record that fails again after a replay carries only its latest failure', () => {
    const first = toDeadLetterMessage(
      { ...source, key: null },
      { errorClass: 'unparseable', reason: 'first', consumerGroup: 'g' },
    );
    const again = toDeadLetterMessage(
      {
        ...source,
        key: null,
        headers: { ...first.headers, [DeadLetterHeaders.replayedFrom]: 'product.events.dlq/0@3' },
      },
      {
        errorClass: 'contract-violation',
        reason: 'second',
        consumerGroup: 'g',
      },
    );
    expect(again.headers[DeadLetterHeaders.reason]).toBe('second');
    expect(again.headers).not.toHaveProperty(DeadLetterHeaders.originalKey);
    expect(again.headers).not.toHaveProperty(DeadLetterHeaders.replayedFrom);
  });

  it('cut a reason that quotes a huge input', () => {
    const message = toDeadLetterMessage(source, {
      errorClass: 'contract-violation',
      reason: 'x'.repeat(10_000),
      consumerGroup: 'g',
    });
    expect(message.headers[DeadLetterHeaders.reason]).toHaveLength(4000);
  });
});
