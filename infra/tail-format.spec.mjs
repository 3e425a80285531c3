// @ts-check
import { describe, expect, it } from 'vitest';
import { formatRecord } from './tail-format.mjs';

const product = { sku: 'MUG-1', name: 'Enamel mug', price: '12.50', stock: 9 };
const at = { topic: 'product.events', partition: 2, offset: '41', key: 'p-1', headers: {} };

describe('formatRecord', () => {
  it('says where an event sits, its key, type, version and product', () => {
    const value = JSON.stringify({ type: 'product.updated', version: 2, product });
    expect(formatRecord({ ...at, value }, { color: false })).toBe(
      'product.events p2@41  key=p-1  product.updated v2  sku=MUG-1 name="Enamel mug" price=12.50 stock=9',
    );
  });
  it('colours the event type when asked', () => {
    const value = JSON.stringify({ type: 'product.deleted', version: 3, product });
    expect(formatRecord({ ...at, value }, { color: true })).toContain('\x1b[31mproduct.deleted v3\x1b[0m');
  });
  it('reads an ack with its status and reason', () => {
    const value = JSON.stringify({ status: 'rejected', version: 4, reason: 'price: too big' });
    expect(formatRecord({ ...at, topic: 'product.sync-acks', value }, { color: false })).toMatch(
      /ack rejected v4 {2}price: too big$/,
    );
  });
  it('shows a dead letter by its class and reason', () => {
    const headers = { 'dlq-error-class': 'unparseable', 'dlq-reason': 'not JSON' };
    expect(formatRecord({ ...at, value: 'oops', headers }, { color: false })).toMatch(
      /dead letter unparseable: not JSON$/,
    );
  });
  it('shows what it cannot read as raw bytes, and a missing key', () => {
    expect(formatRecord({ ...at, key: null, value: 'oops' }, { color: false })).toMatch(/key=\(none\) {2}raw "oops"$/);
  });
});
