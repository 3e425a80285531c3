import { describe, expect, it } from 'vitest';
import { apiKeysSetting } from './api-keys.setting.js';

const hash = 'a'.repeat(64);
const issues = (text: string) => apiKeysSetting.safeParse(text).error?.issues.map((i) => i.message) ?? [];

describe('API_KEYS', () => {
  it('reads a JSON list of names, scopes and SHA-256 hashes; unset means no key', () => {
    const keys = [{ name: 'ci-writer', scopes: ['products:write'], sha256: hash }];
    expect(apiKeysSetting.parse(JSON.stringify(keys))).toEqual(keys);
    expect(apiKeysSetting.parse(undefined)).toEqual([]);
  });

  it('refuses a plain key, an unknown scope, a hash that is not one, a repeated name, and non-JSON', () => {
    expect(issues(JSON.stringify([{ name: 'x', scopes: [], sha256: hash, key: 'secret' }]))).toHaveLength(1);
    expect(issues(JSON.stringify([{ name: 'x', scopes: ['root'], sha256: hash }]))).toHaveLength(1);
    expect(issues(JSON.stringify([{ name: 'x', scopes: [], sha256: 'secret' }]))).toEqual([
      'must be the SHA-256 of the key: 64 lowercase hex digits',
    ]);
    const twice = { name: 'x', scopes: [], sha256: hash };
    expect(issues(JSON.stringify([twice, twice]))).toEqual(['key names must be unique']);
    expect(issues('name:hash')).toEqual(['must be a JSON list of {"name", "scopes", "sha256"}']);
  });
});
