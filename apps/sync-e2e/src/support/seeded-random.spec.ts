import { describe, expect, it } from 'vitest';
import { runSeed, streamRandom } from './seeded-random.js';

const draw = (random: () => number, n = 5) => Array.from({ length: n }, random);

describe('streamRandom', () => {
  it('repeats a stream from its seed and index, whatever the other streams drew meanwhile', () => {
    const first = streamRandom(42, 3);
    draw(streamRandom(42, 0), 100);
    expect(draw(first)).toEqual(draw(streamRandom(42, 3)));
  });

  it('gives each index and each seed a different stream', () => {
    expect(draw(streamRandom(42, 0))).not.toEqual(draw(streamRandom(42, 1)));
    expect(draw(streamRandom(42, 0))).not.toEqual(draw(streamRandom(43, 0)));
  });
});

describe('runSeed', () => {
  it('takes the seed given, makes one up without, refuses anything but an integer', () => {
    expect(runSeed('905365211')).toBe(905365211);
    expect(Number.isSafeInteger(runSeed(undefined))).toBe(true);
    expect(() => runSeed('abc')).toThrow('not an integer seed: abc');
  });
});
