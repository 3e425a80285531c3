import { describe, expect, it } from 'vitest';
import { burstPlan } from './burst-plan.js';

describe('burstPlan', () => {
  it('creates a few products and spreads the remaining writes over them as updates', () => {
    expect(burstPlan(23)).toEqual([4, 4, 4, 3, 3]);
  });

  it('creates only when there are no more writes than products', () => {
    expect(burstPlan(3)).toEqual([0, 0, 0]);
  });

  it('always adds up to the writes asked for', () => {
    for (const writes of [1, 5, 6, 99, 1000]) {
      const plan = burstPlan(writes);
      expect(plan.length + plan.reduce((a, b) => a + b, 0)).toBe(writes);
    }
  });
});
