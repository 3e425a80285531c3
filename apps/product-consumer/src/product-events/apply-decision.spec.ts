import { describe, expect, it } from 'vitest';
import { decideApply } from './apply-decision.js';

const unknown = { rowVersion: null, tombstoneVersion: null };

describe('decideApply', () => {
  it('applies the first event seen for a product', () => {
    expect(decideApply({ version: 1 }, unknown)).toBe('applied');
  });

  it('applies a newer version over the live row', () => {
    expect(decideApply({ version: 4 }, { rowVersion: 3, tombstoneVersion: null })).toBe('applied');
  });

  it('applies a gap: version 5 over 3 when 4 has not arrived (4 will then be stale)', () => {
    expect(decideApply({ version: 5 }, { rowVersion: 3, tombstoneVersion: null })).toBe('applied');
    expect(decideApply({ version: 4 }, { rowVersion: 5, tombstoneVersion: null })).toBe('stale');
  });

  it('ignores a redelivery of the version it holds', () => {
    expect(decideApply({ version: 3 }, { rowVersion: 3, tombstoneVersion: null })).toBe('stale');
  });

  it('ignores an older version arriving late', () => {
    expect(decideApply({ version: 2 }, { rowVersion: 3, tombstoneVersion: null })).toBe('stale');
  });

  it('does not let an update older than the delete resurrect the product', () => {
    expect(decideApply({ version: 6 }, { rowVersion: null, tombstoneVersion: 7 })).toBe('stale');
    expect(decideApply({ version: 7 }, { rowVersion: null, tombstoneVersion: 7 })).toBe('stale');
  });

  it('compares against the newest of row and tombstone', () => {
    expect(decideApply({ version: 8 }, { rowVersion: 2, tombstoneVersion: 7 })).toBe('applied');
    expect(decideApply({ version: 5 }, { rowVersion: 6, tombstoneVersion: 3 })).toBe('stale');
  });

  describe('a repair (product.resynced), compare-and-set', () => {
    const replaces = (replacesVersion: number | null) => ({ resync: { replacesVersion, deleted: false } });
    const forged = { rowVersion: 2147483647, tombstoneVersion: null };

    it('is applied below a forged version when the replica still holds exactly the version it replaces', () => {
      expect(decideApply({ version: 3, ...replaces(2147483647) }, forged)).toBe('applied');
      expect(decideApply({ version: 3, ...replaces(9) }, { rowVersion: 2, tombstoneVersion: 9 })).toBe('applied');
      expect(decideApply({ version: 3, ...replaces(null) }, unknown)).toBe('applied');
    });

    it('is an ordinary event once the replica has moved on: the version guard decides', () => {
      expect(decideApply({ version: 3, ...replaces(2147483647) }, { rowVersion: 4, tombstoneVersion: null })).toBe(
        'stale',
      );
      expect(decideApply({ version: 3, ...replaces(2147483647) }, unknown)).toBe('applied'); // a rebuild from a compacted topic
      expect(decideApply({ version: 3, ...replaces(null) }, { rowVersion: 3, tombstoneVersion: null })).toBe('stale');
    });
  });
});
