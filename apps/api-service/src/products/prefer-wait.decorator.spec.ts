import { describe, expect, it } from 'vitest';
import { parseWaitForSync } from './prefer-wait.decorator.js';

describe('parseWaitForSync', () => {
  it('reads the preference alone or among others', () => {
    expect(parseWaitForSync('wait-for-sync=2000')).toBe(2000);
    expect(parseWaitForSync('return=representation, wait-for-sync="150"')).toBe(150);
    expect(parseWaitForSync('respond-async; wait-for-sync=0')).toBe(0);
  });

  it('ignores an absent or malformed preference', () => {
    expect(parseWaitForSync(undefined)).toBeUndefined();
    expect(parseWaitForSync('wait=10')).toBeUndefined();
    expect(parseWaitForSync('wait-for-sync=soon')).toBeUndefined();
    expect(parseWaitForSync('no-wait-for-sync=5')).toBeUndefined();
  });
});
