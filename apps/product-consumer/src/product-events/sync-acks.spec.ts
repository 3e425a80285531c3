import { randomUUID } from 'node:crypto';
import { syncAckSchema } from '@nestjs-kafka-sync/contracts';
import { describe, expect, it } from 'vitest';
import { rejectionAck } from './sync-acks.js';

describe('rejectionAck', () => {
  it('keeps what can still be read from a rejected record, and is itself a valid ack', () => {
    const productId = randomUUID();
    const eventId = randomUUID();
    const ack = rejectionAck(productId, JSON.stringify({ eventId, version: 4, product: 'broken' }), 'product: expected object');
    expect(ack).toMatchObject({ productId, version: 4, eventId, status: 'rejected', reason: 'product: expected object' });
    expect(syncAckSchema.safeParse(ack).success).toBe(true);
  });

  it('acks a record that is not even JSON against its key, without a version', () => {
    const productId = randomUUID();
    expect(rejectionAck(productId, '{nope', 'not JSON')).toMatchObject({ productId, version: null, eventId: null });
  });

  it('has nobody to ack when the key is not a product id', () => {
    expect(rejectionAck('not-a-uuid', '{}', 'x')).toBeNull();
    expect(rejectionAck(null, '{}', 'x')).toBeNull();
  });
});
