import { describe, expect, it } from 'vitest';
import { hasAtMostDecimalPlaces } from './money.js';

describe('hasAtMostDecimalPlaces', () => {
  it('takes whole numbers and up to 2 places', () => {
    for (const value of [0, -0, 1, 12.5, 0.29, 19.9, 9_999_999_999.99])
      expect(hasAtMostDecimalPlaces(value, 2)).toBe(true);
  });

  it('refuses more places, exponent forms and what is not a finite number', () => {
    for (const value of [1.234, 1e-7, 5e-324, 0.1 + 0.2, Infinity, NaN, '12', null])
      expect(hasAtMostDecimalPlaces(value, 2)).toBe(false);
  });
});
