import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  it('doubles the ceiling per attempt and never exceeds the maximum', () => {
    const highest = (attempt: number) => backoffDelay(attempt, 200, 10_000, () => 1);
    expect([1, 2, 3, 4, 5, 6, 7, 10].map(highest)).toEqual([200, 400, 800, 1600, 3200, 6400, 10_000, 10_000]);
  });

  it('waits at least half the ceiling, so a failing loop cannot spin', () => {
    expect(backoffDelay(1, 200, 10_000, () => 0)).toBe(100);
    expect(backoffDelay(20, 200, 10_000, () => 0)).toBe(5000);
  });

  it('spreads retries between half and all of the ceiling', () => {
    const delays = Array.from({ length: 200 }, () => backoffDelay(3, 200, 10_000));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(400);
    expect(Math.max(...delays)).toBeLessThanOrEqual(800);
    expect(new Set(delays).size).toBeGreaterThan(10);
  });
});
