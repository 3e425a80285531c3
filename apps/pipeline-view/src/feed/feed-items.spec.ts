import { toDeadLetterMessage, toProductEventMessage, toSyncAckMessage } from '@nestjs-kafka-sync/contracts';
import { productEvent } from '@nestjs-kafka-sync/contracts/testing';
import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { ackItem, deadLetterItem, eventItem } from './feed-items.js';

/** A record as kafkajs hands it to a consumer: key, value and headers as bytes. */
function received(
  offset: string,
  record: { key: string | null; value: string | null; headers?: object },
): KafkaMessage {
  const bytes = (v: string | null) => (v === null ? null : Buffer.from(v));
  const headers = Object.fromEntries(Object.entries(record.headers ?? {}).map(([k, v]) => [k, Buffer.from(String(v))]));
  return {
    offset,
    key: bytes(record.key),
    value: bytes(record.value),
    headers,
    timestamp: '0',
    attributes: 0,
  };
}

describe('feed items', () => {
  it('shows a product event by type, product, version and sku', () => {
    const event = productEvent({ version: 3, product: { sku: 'MUG-1' } });
    expect(eventItem(2, received('41', toProductEventMessage(event)))).toEqual({
      kind: 'event',
      partition: 2,
      offset: '41',
      key: event.productId,
      type: 'product.updated',
      productId: event.productId,
      version: 3,
      sku: 'MUG-1',
      replayedFrom: undefined,
    });
  });

  it('shows a record the consumer will dead-letter, with the reason it will give', () => {
    const item = eventItem(0, received('7', { key: 'k', value: '{oops' }));
    expect(item.problem).toMatchObject({ errorClass: 'unparseable', reason: expect.stringMatching(/not valid JSON/) });
    expect(item.key).toBe('k');
  });

  it('says where a replayed record came from', () => {
    const record = { key: 'k', value: '{oops', headers: { 'dlq-replayed-from': 'product.events.dlq/0@3' } };
    expect(eventItem(0, received('8', record)).replayedFrom).toBe('product.events.dlq/0@3');
  });

  it('shows an ack, and an unreadable one as such', () => {
    const ack = {
      schemaVersion: 1 as const,
      productId: productEvent().productId,
      version: 2,
      status: 'applied' as const,
      reason: null,
      eventId: null,
      acknowledgedAt: new Date().toISOString(),
    };
    expect(ackItem(received('0', toSyncAckMessage(ack)))).toEqual({
      kind: 'ack',
      productId: ack.productId,
      version: 2,
      status: 'applied',
      reason: null,
    });
    expect(ackItem(received('1', { key: 'p', value: 'nope' }))).toMatchObject({ status: 'unreadable', productId: 'p' });
  });

  it('shows a dead letter with its reason, where it came from and whether it can be replayed', () => {
    const source = { topic: 'product.events', partition: 1, offset: '12', key: 'k1', value: '{oops' };
    const cause = { errorClass: 'unparseable' as const, reason: 'bad JSON', consumerGroup: 'product-catalog' };
    const letter = toDeadLetterMessage(source, cause);
    const message = received('5', { key: 'k1', value: '{oops', headers: letter.headers });
    expect(deadLetterItem(0, message)).toMatchObject({
      kind: 'dead-letter',
      id: '0@5',
      errorClass: 'unparseable',
      reason: 'bad JSON',
      original: { topic: 'product.events', partition: 1, offset: '12', key: 'k1' },
      replayable: true,
      value: '{oops',
    });
    expect(deadLetterItem(0, { ...message, key: null }).replayable).toBe(false);
  });
});
