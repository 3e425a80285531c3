import { describe, expect, it } from 'vitest';
import { compareVersions, pairStatus } from './pair-status.js';

describe('pairStatus', () => {
  it('is in-sync when the replica holds the source version', () => {
    expect(pairStatus({ version: 3 }, { version: 3 })).toBe('in-sync');
  });

  it('tells a replica that lags from one that has nothing yet', () => {
    expect(pairStatus({ version: 3 }, { version: 2 })).toBe('behind');
    expect(pairStatus({ version: 1 }, null)).toBe('missing');
  });

  it('says rejected only when the refused version is the current one (or newer)', () => {
    expect(pairStatus({ version: 3 }, { version: 2 }, 3)).toBe('rejected');
    expect(pairStatus({ version: 3 }, null, 3)).toBe('rejected');
    expect(pairStatus({ version: 4 }, { version: 2 }, 3)).toBe('behind');
  });

  it('names a product the source deleted but the replica still holds', () => {
    expect(pairStatus(null, { version: 5 })).toBe('deleted');
  });

  it('flags a replica ahead of its source', () => {
    expect(pairStatus({ version: 1 }, { version: 2 })).toBe('ahead');
  });
});

describe('compareVersions', () => {
  it('counts each status and lists what differs, source order first, replica-only last', () => {
    const result = compareVersions(
      [
        { id: 'a', version: 2, rejectedVersion: null },
        { id: 'b', version: 1, rejectedVersion: null },
        { id: 'c', version: 4, rejectedVersion: 4 },
        { id: 'd', version: 1, rejectedVersion: null },
      ],
      [
        { id: 'x', version: 7 },
        { id: 'a', version: 1 },
        { id: 'd', version: 1 },
      ],
    );
    expect(result.counts).toEqual({
      source: 4,
      replica: 3,
      'in-sync': 1,
      behind: 1,
      missing: 1,
      rejected: 1,
      deleted: 1,
      ahead: 0,
    });
    expect(result.differing).toEqual([
      { id: 'a', status: 'behind' },
      { id: 'b', status: 'missing' },
      { id: 'c', status: 'rejected' },
      { id: 'x', status: 'deleted' },
    ]);
  });
});
