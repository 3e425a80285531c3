import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { receivedRecord, recordsWhere } from './received-record.js';

describe('receivedRecord', () => {
  it('keeps the key, value and headers as sent (also JSON-looking ones) and drops absent headers', () => {
    const value = Buffer.from('{"not": "parsed"}');
    const key = Buffer.from('{"tenant":7}');
    const message = {
      key,
      value,
      offset: '41',
      timestamp: '0',
      attributes: 0,
      headers: { spring_json_header_types: Buffer.from('{"a":"java.lang.String"}'), gone: undefined },
    } as KafkaMessage;
    expect(receivedRecord('product.events', 2, message)).toEqual({
      topic: 'product.events',
      partition: 2,
      offset: '41',
      key,
      value,
      headers: { spring_json_header_types: Buffer.from('{"a":"java.lang.String"}') },
    });
  });

  it('passes a record without key or value as nulls', () => {
    const message = { key: null, value: null, offset: '0', timestamp: '0', attributes: 0 } as KafkaMessage;
    expect(receivedRecord('t', 0, message)).toMatchObject({ key: null, value: null, headers: {} });
  });
});

describe('recordsWhere', () => {
  const at = (offset: string) => ({ topic: 'product.events', partition: 1, offset });
  it('names one record by its offset and several by their range', () => {
    expect(recordsWhere([at('7')])).toBe('product.events/1@7');
    expect(recordsWhere([at('7'), at('8'), at('12')])).toBe('product.events/1@7..12');
  });
});
