import { describe, expect, it } from 'vitest';
import { tailOffsets } from './tail-offsets.js';

describe('tailOffsets', () => {
  it('starts `count` records before the end, never before the first record still held', () => {
    const ends = [
      { partition: 0, low: '0', high: '100' },
      { partition: 1, low: '95', high: '100' },
      { partition: 2, low: '0', high: '0' },
    ];
    expect(tailOffsets(ends, 20)).toEqual([
      { partition: 0, offset: '80' },
      { partition: 1, offset: '95' },
      { partition: 2, offset: '0' },
    ]);
  });
});
