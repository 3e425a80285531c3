import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * True for a finite number with at most `places` decimal places. class-validator's own
 * `maxDecimalPlaces` reads the places from `toString()` and throws on exponent forms such as
 * 1e-7 (a 500); this asks the number itself whether rounding to `places` leaves it unchanged.
 */
export function hasAtMostDecimalPlaces(value: unknown, places: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

/** A JSON number that is an amount of money: finite, at most 2 decimal places. */
export const IsMoney = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isMoney',
      validator: {
        validate: (value) => hasAtMostDecimalPlaces(value, 2),
        defaultMessage: () => '$property must be a number with at most 2 decimal places',
      },
    },
    options,
  );
