import { describe, expect, it } from 'vitest';
import { readStallMetadata, toStallMetadata } from './partition-stall.js';

const stall = {
  records: 'product.events/2@41..45',
  step: 'dead-lettering',
  reason: 'TOPIC_AUTHORIZATION_FAILED: Not authorized to access topics',
  retriable: false,
  since: '2026-11-30T18:00:00.000Z',
};

describe('partition stall metadata', () => {
  it('reads back as written', () => {
    expect(readStallMetadata(toStallMetadata(stall))).toEqual({ stall: 1, ...stall });
  });

  it('fits the offset metadata Kafka keeps (4096 bytes) whatever the reason quotes', () => {
    const written = toStallMetadata({ ...stall, reason: 'é'.repeat(5000) });
    expect(Buffer.byteLength(written)).toBeLessThan(4096);
    expect(readStallMetadata(written)?.reason).toHaveLength(500);
  });

  it('is null for no metadata and for metadata that is not a stall', () => {
    expect(readStallMetadata('')).toBeNull();
    expect(readStallMetadata(null)).toBeNull();
    expect(readStallMetadata('event-id-3')).toBeNull();
    expect(readStallMetadata('{"stall":2}')).toBeNull();
  });
});
