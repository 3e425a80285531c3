import { describe, expect, it } from 'vitest';
import { batchByteLimit, KAFKA_DEFAULT_MAX_MESSAGE_BYTES } from './batch-byte-limit.js';

describe('batchByteLimit', () => {
  it("takes the topic's max.message.bytes first", () => {
    expect(batchByteLimit({ topic: 50_000, broker: 2_000_000 })).toEqual({ bytes: 50_000, source: 'topic' });
  });

  it("falls back to the broker's message.max.bytes, then to Kafka's default", () => {
    expect(batchByteLimit({ broker: 2_000_000 })).toEqual({ bytes: 2_000_000, source: 'broker' });
    expect(batchByteLimit({ topic: Number.NaN })).toEqual({
      bytes: KAFKA_DEFAULT_MAX_MESSAGE_BYTES,
      source: 'kafka default',
    });
  });

  it('never goes above the configured cap, and a cap never raises what the broker accepts', () => {
    expect(batchByteLimit({ topic: 1_000_000, configured: 20_000 })).toEqual({ bytes: 20_000, source: 'topic' });
    expect(batchByteLimit({ topic: 10_000, configured: 20_000 })).toEqual({ bytes: 10_000, source: 'topic' });
  });
});
