import { randomUUID } from 'node:crypto';
import { syncAckSchema } from '@nestjs-kafka-sync/contracts';
import { productEvent } from '@nestjs-kafka-sync/contracts/testing';
import { describe, expect, it } from 'vitest';
import { outcomeAck, rejectionAck } from './sync-acks.js';

describe('outcomeAck', () => {
  it('acks what applying an event did, naming its product, version and event, and is itself a valid ack', () => {
    const event = productEvent({ version: 4 });
    const ack = outcomeAck(event, 'applied');
    expect(ack).toMatchObject({
      productId: event.productId,
      version: 4,
      eventId: event.eventId,
      status: 'applied',
      reason: null,
    });
    expect(syncAckSchema.safeParse(ack).success).toBe(true);
  });

  it('marks an applied repair as a reset (its version may be below one acknowledged before), and only that', () => {
    const repair = productEvent({ version: 3, resync: { replacesVersion: 2147483647, deleted: false } });
    const ack = outcomeAck(repair, 'applied');
    expect(ack).toMatchObject({ status: 'applied', version: 3, reset: true });
    expect(syncAckSchema.safeParse(ack).success).toBe(true);
    expect(outcomeAck(repair, 'stale')).not.toHaveProperty('reset');
    expect(outcomeAck(productEvent({ version: 3 }), 'applied')).not.toHaveProperty('reset');
  });

  it('acks a database refusal as rejected, with the reason made storable', () => {
    const ack = outcomeAck(productEvent(), { rejected: `refused \u0000 ${'z'.repeat(2000)}` });
    expect(ack).toMatchObject({ status: 'rejected', version: 1 });
    expect(ack.reason).toHaveLength(1000);
    expect(syncAckSchema.safeParse(ack).success).toBe(true);
  });
});

describe('rejectionAck', () => {
  it('acks a rejected record against its key, trusting no version from it, and is itself a valid ack', () => {
    const productId = randomUUID();
    const ack = rejectionAck(productId, 'product: expected object');
    expect(ack).toMatchObject({
      productId,
      version: null,
      eventId: null,
      status: 'rejected',
      reason: 'product: expected object',
    });
    expect(syncAckSchema.safeParse(ack).success).toBe(true);
  });

  it('keeps a reason that quotes hostile input storable: no NUL, bounded length', () => {
    const ack = rejectionAck(randomUUID(), `(root): Unrecognized key: "\u0000x" ${'y'.repeat(5000)}`);
    expect(ack?.reason).not.toContain('\u0000');
    expect(ack?.reason).toHaveLength(1000);
    expect(syncAckSchema.safeParse(ack).success).toBe(true);
  });

  it('has nobody to ack when the key is not a product id', () => {
    expect(rejectionAck('not-a-uuid', 'x')).toBeNull();
    expect(rejectionAck(null, 'x')).toBeNull();
  });
});
