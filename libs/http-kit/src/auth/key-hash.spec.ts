import { describe, expect, it } from 'vitest';
import { findByKey, sha256Hex } from './key-hash.js';

const keys = [
  { name: 'writer', sha256: sha256Hex('key-one') },
  { name: 'admin', sha256: sha256Hex('key-two') },
];

describe('findByKey', () => {
  it('finds the entry whose hash is the presented key’s', () => {
    expect(findByKey(keys, 'key-two')?.name).toBe('admin');
    expect(findByKey(keys, 'key-one')?.name).toBe('writer');
  });

  it('finds nothing for a wrong key, a prefix of a right one, or an empty one', () => {
    expect(findByKey(keys, 'key-three')).toBeUndefined();
    expect(findByKey(keys, 'key-')).toBeUndefined();
    expect(findByKey(keys, '')).toBeUndefined();
    expect(findByKey([], 'key-one')).toBeUndefined();
  });

  it('never accepts the hash itself as the key', () => {
    expect(findByKey(keys, sha256Hex('key-one'))).toBeUndefined();
  });
});
