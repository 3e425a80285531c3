import { describe, expect, it } from 'vitest';
import { bearerToken } from './bearer-token.js';

describe('bearerToken', () => {
  it('reads the token of a Bearer header, whatever the scheme’s case', () => {
    expect(bearerToken('Bearer nks_dev_abc-DEF_123')).toBe('nks_dev_abc-DEF_123');
    expect(bearerToken('bearer abc==')).toBe('abc==');
  });

  it('says there are no credentials when there is no header', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('')).toBeUndefined();
  });

  it('calls anything else malformed: another scheme, no token, two tokens, a repeated header', () => {
    for (const header of [
      'Basic dXNlcjpwYXNz',
      'Bearer',
      'Bearer ',
      'Bearer a b',
      'nks_dev_abc',
      ['Bearer a', 'Bearer b'],
    ])
      expect(bearerToken(header), String(header)).toBe('malformed');
  });
});
