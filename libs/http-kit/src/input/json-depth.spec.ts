import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds } from './json-depth.js';

const bytes = (text: string) => Buffer.from(text);
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays, up to and beyond the limit', () => {
    expect(jsonDepthExceeds(bytes('{"a":{"b":[1]}}'), 3)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":{"b":[1]}}'), 2)).toBe(true);
    expect(jsonDepthExceeds(bytes(nested(16)), 16)).toBe(false);
    expect(jsonDepthExceeds(bytes(nested(100_000)), 16)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(bytes(`{"name":"${'['.repeat(50)}"}`), 1)).toBe(false);
    expect(jsonDepthExceeds(bytes(`{"name":"a\\"[[[[","b":1}`), 1)).toBe(false);
    expect(jsonDepthExceeds(bytes(`{"name":"a\\\\","b":[[1]]}`), 2)).toBe(true);
  });

  it('siblings do not add up', () => {
    expect(jsonDepthExceeds(bytes('[[1],[2],[3],{"a":[4]}]'), 3)).toBe(false);
  });
});
