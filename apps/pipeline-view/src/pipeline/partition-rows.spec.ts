import { partitionLags } from '@nestjs-kafka-sync/kafka-kit';
import { describe, expect, it } from 'vitest';
import { partitionRows } from './partition-rows.js';

const ends = [
  { partition: 1, low: '0', high: '7' },
  { partition: 0, low: '2', high: '10' },
];
const lag = (groupId: string, committed: { partition: number; offset: string }[]) => {
  const partitions = partitionLags(ends, committed);
  return { topic: 'product.events', groupId, total: partitions.reduce((s, p) => s + p.lag, 0), partitions };
};

describe('partitionRows', () => {
  it('puts each group beside the partition end, a group that committed nothing as null', () => {
    const rows = partitionRows(
      lag('product-catalog', [
        { partition: 0, offset: '4' },
        { partition: 1, offset: '7' },
      ]),
      lag('pipeline-view', [{ partition: 0, offset: '10' }]),
    );
    expect(rows).toEqual([
      { partition: 0, end: '10', catalog: { committed: '4', lag: 6 }, view: { committed: '10', lag: 0 } },
      { partition: 1, end: '7', catalog: { committed: '7', lag: 0 }, view: { committed: null, lag: 7 } },
    ]);
  });
});
