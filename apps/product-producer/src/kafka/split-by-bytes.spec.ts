import { describe, expect, it } from 'vitest';
import { BATCH_OVERHEAD_BYTES } from './record-bytes.js';
import { splitByBytes, type SizedRecord } from './split-by-bytes.js';

const record = (item: string, partition: number, bytes: number): SizedRecord<string> => ({ item, partition, bytes });
const limit = BATCH_OVERHEAD_BYTES + 1000; // room for 1,000 bytes of records per request

describe('splitByBytes', () => {
  it('puts each partition in its own requests, in the order its records came', () => {
    const split = splitByBytes([record('a1', 0, 100), record('b1', 1, 100), record('a2', 0, 100)], limit);
    expect(split).toEqual({
      chunks: [
        { partition: 0, items: ['a1', 'a2'] },
        { partition: 1, items: ['b1'] },
      ],
      oversized: [],
    });
  });

  it("starts a partition's next request where the bytes would pass the limit, never reordering", () => {
    const records = ['a', 'b', 'c', 'd', 'e'].map((item) => record(item, 2, 400));
    expect(splitByBytes(records, limit).chunks).toEqual([
      { partition: 2, items: ['a', 'b'] },
      { partition: 2, items: ['c', 'd'] },
      { partition: 2, items: ['e'] },
    ]);
  });

  it('fills a request exactly to the limit', () => {
    expect(splitByBytes([record('a', 0, 600), record('b', 0, 400)], limit).chunks).toEqual([
      { partition: 0, items: ['a', 'b'] },
    ]);
  });

  it('sets apart a record too large even alone, and keeps the others of its partition in order around it', () => {
    const huge = record('huge', 0, 1001);
    const split = splitByBytes([record('a', 0, 10), huge, record('b', 0, 10), record('c', 1, 10)], limit);
    expect(split.oversized).toEqual([huge]);
    expect(split.chunks).toEqual([
      { partition: 0, items: ['a', 'b'] },
      { partition: 1, items: ['c'] },
    ]);
  });

  it('returns nothing to send for nothing', () => {
    expect(splitByBytes([], limit)).toEqual({ chunks: [], oversized: [] });
  });
});
