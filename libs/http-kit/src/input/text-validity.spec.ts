import { describe, expect, it } from 'vitest';
import { findInputProblems, textProblem } from './text-validity.js';

describe('input validity', () => {
  it('refuses NUL and lone surrogates, takes any other text', () => {
    expect(textProblem('mug\u0000')).toBe('must not contain NUL characters');
    expect(textProblem('a\ud800b')).toMatch(/lone UTF-16 surrogates/);
    expect(textProblem('\udc00')).toMatch(/lone UTF-16 surrogates/);
    expect(textProblem('tab\t, bell\u0007, emoji \u{1F600}, ü')).toBeNull();
  });

  it('names every bad string, key and number by its path', () => {
    const input = { name: 'ok', tags: ['x', 'y\u0000'], nested: { 'k\ud800': 1, price: Infinity } };
    expect(findInputProblems(input, '')).toEqual([
      { field: 'tags.1', reason: 'must not contain NUL characters' },
      { field: 'nested.k\ufffd', reason: expect.stringMatching(/surrogates/) },
      { field: 'nested.price', reason: 'is out of range (not a finite number)' },
    ]);
    expect(findInputProblems('\u0000', '')).toEqual([{ field: 'body', reason: 'must not contain NUL characters' }]);
    expect(findInputProblems({ a: 1, b: [true, null] }, '')).toEqual([]);
  });
});
