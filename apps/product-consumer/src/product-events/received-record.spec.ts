import { KafkaContext, KafkaParser } from '@nestjs/microservices';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { receivedRecord } from './received-record.js';

/** What a handler gets: the record after Nest's own parser, set up as this app sets it (keepBinary). */
function asNestDeliversIt(message: KafkaMessage): KafkaContext {
  const parsed = new KafkaParser({ keepBinary: true }).parse<KafkaMessage>(message);
  return new KafkaContext([parsed, 2, 'product.events', {} as Consumer, async () => undefined, {} as never]);
}

describe('receivedRecord', () => {
  it('gives back the key and headers as sent, also those Nest parsed as JSON, and the value untouched', () => {
    const value = Buffer.from('{"not": "parsed"}');
    const record = receivedRecord(
      asNestDeliversIt({
        key: Buffer.from('{"tenant":7}'),
        value,
        offset: '41',
        timestamp: '0',
        attributes: 0,
        headers: {
          spring_json_header_types: Buffer.from('{"a":"java.lang.String"}'),
          'event-type': Buffer.from('product.updated'),
        },
      } as KafkaMessage),
    );
    expect(record).toEqual({
      topic: 'product.events',
      partition: 2,
      offset: '41',
      key: '{"tenant":7}',
      value,
      headers: { spring_json_header_types: '{"a":"java.lang.String"}', 'event-type': 'product.updated' },
    });
  });

  it('keeps a missing key missing', () => {
    const record = receivedRecord(
      asNestDeliversIt({
        key: null,
        value: null,
        offset: '1',
        timestamp: '0',
        attributes: 0,
        headers: {},
      } as KafkaMessage),
    );
    expect(record.key).toBeNull();
    expect(record.headers).toEqual({});
  });
});
