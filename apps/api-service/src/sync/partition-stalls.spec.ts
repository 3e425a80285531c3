import { toStallMetadata } from '@nestjs-kafka-sync/contracts';
import type { Admin } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { reportedStalls } from './partition-stalls.js';

const stall = {
  records: 'product.events/1@40',
  step: 'dead-lettering',
  reason: 'DeadLetterCannotFit: does not fit',
  retriable: false,
  since: '2026-11-30T19:00:00.000Z',
};

/** The admin port as fetchOffsets answers for a group: offsets with whatever metadata was committed. */
const admin = (partitions: { partition: number; offset: string; metadata: string | null }[]) =>
  ({ fetchOffsets: async () => [{ topic: 'product.events', partitions }] }) as unknown as Admin;

describe('reportedStalls', () => {
  it('lists the partitions whose committed offset carries a stall, and ignores other metadata', async () => {
    const found = await reportedStalls(
      admin([
        { partition: 0, offset: '12', metadata: '' },
        { partition: 1, offset: '40', metadata: toStallMetadata(stall) },
        { partition: 2, offset: '7', metadata: 'someone else wrote this' },
      ]),
      'product.events',
      'product-catalog',
    );
    expect(found).toEqual([{ partition: 1, ...stall }]);
  });

  it('is empty for a group that has committed nothing', async () => {
    expect(await reportedStalls(admin([]), 'product.events', 'product-catalog')).toEqual([]);
  });
});
