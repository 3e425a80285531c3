import { describe, expect, it } from 'vitest';
import { DEAD_LETTER_TOPIC } from './dead-letter.js';
import { PRODUCT_EVENTS_TOPIC } from './product-event.js';
import { SYNC_ACKS_TOPIC } from './sync-ack.js';
import { replicationFor, TOPICS } from './topics.js';

describe('replicationFor', () => {
  it('keeps one copy on a single broker', () => {
    expect(replicationFor(1)).toEqual({ replicationFactor: 1, minInsyncReplicas: 1 });
  });

  it('keeps three copies, two in sync, on three brokers or more', () => {
    expect(replicationFor(3)).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
    expect(replicationFor(5)).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
  });

  it('keeps every copy on its own broker below three', () => {
    expect(replicationFor(2)).toEqual({ replicationFactor: 2, minInsyncReplicas: 1 });
  });

  it('takes an override of the factor, and refuses one that is not a positive integer', () => {
    expect(replicationFor(5, 4)).toEqual({ replicationFactor: 4, minInsyncReplicas: 2 });
    expect(replicationFor(3, 1)).toEqual({ replicationFactor: 1, minInsyncReplicas: 1 });
    expect(() => replicationFor(3, 0)).toThrow('positive integer, got 0');
    expect(() => replicationFor(3, Number('three'))).toThrow('positive integer, got NaN');
  });
});

describe('TOPICS', () => {
  it('defines each topic the contracts name, once', () => {
    expect(TOPICS.map((t) => t.topic).sort()).toEqual(
      [DEAD_LETTER_TOPIC, PRODUCT_EVENTS_TOPIC, SYNC_ACKS_TOPIC].sort(),
    );
  });

  it('compacts product.events so a replica can be rebuilt from it, and never compacts dead letters', () => {
    const config = (topic: string) => TOPICS.find((t) => t.topic === topic)?.config;
    expect(config(PRODUCT_EVENTS_TOPIC)).toMatchObject({ 'cleanup.policy': 'compact' });
    expect(config(DEAD_LETTER_TOPIC)).toMatchObject({ 'cleanup.policy': 'delete', 'retention.ms': '2419200000' });
  });
});
