import { describe, expect, it } from 'vitest';
import { partitionLags } from './consumer-group-lag.js';

describe('partitionLags', () => {
  it('counts from the committed offset to the end of each partition, in partition order', () => {
    const lags = partitionLags(
      [
        { partition: 1, low: '0', high: '10' },
        { partition: 0, low: '0', high: '5' },
      ],
      [
        { partition: 0, offset: '5' },
        { partition: 1, offset: '4' },
      ],
    );
    expect(lags).toEqual([
      { partition: 0, committed: '5', end: '5', lag: 0 },
      { partition: 1, committed: '4', end: '10', lag: 6 },
    ]);
  });

  it('counts from the first record still held when the group committed nothing', () => {
    const lags = partitionLags([{ partition: 0, low: '3', high: '8' }], [{ partition: 0, offset: '-1' }]);
    expect(lags).toEqual([{ partition: 0, committed: null, end: '8', lag: 5 }]);
    expect(partitionLags([{ partition: 0, low: '0', high: '2' }], [])[0]).toMatchObject({ committed: null, lag: 2 });
  });

  it('never reports a negative lag (records deleted past a stale commit)', () => {
    expect(partitionLags([{ partition: 0, low: '9', high: '9' }], [{ partition: 0, offset: '12' }])[0].lag).toBe(0);
  });
});
