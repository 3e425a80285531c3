import { describe, expect, it } from 'vitest';
import { foreignJsonCharset } from './json-charset.js';

describe('foreignJsonCharset', () => {
  it('accepts JSON without a charset, or in UTF-8 however it is spelled', () => {
    for (const type of [
      undefined,
      'application/json',
      'application/json; charset=utf-8',
      'application/json;CHARSET="UTF8"',
    ])
      expect(foreignJsonCharset(type)).toBeUndefined();
  });

  it('names any other charset, lower-cased', () => {
    expect(foreignJsonCharset('application/json; charset=UTF-16')).toBe('utf-16');
    expect(foreignJsonCharset('application/json; charset=latin1; x=y')).toBe('latin1');
    expect(foreignJsonCharset('application/json; charset=')).toBe('');
  });
});
