import type { ValidationError } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { toFieldErrors, validationException } from './validation-errors.js';

const nested: ValidationError[] = [
  { property: 'price', constraints: { min: 'price must not be less than 0' }, children: [] },
  {
    property: 'dimensions',
    children: [{ property: 'width', constraints: { isInt: 'width must be an integer number' }, children: [] }],
  },
];

describe('validation errors', () => {
  it('flattens class-validator errors into one entry per broken rule, with dotted paths', () => {
    expect(toFieldErrors(nested)).toEqual([
      { field: 'price', reason: 'price must not be less than 0' },
      { field: 'dimensions.width', reason: 'width must be an integer number' },
    ]);
  });

  it('makes one InvalidInput naming every field', () => {
    const error = validationException(nested);
    expect(error.kind).toBe('invalid');
    expect(error.fields).toEqual(toFieldErrors(nested));
    expect(error.message).toBe(
      'price: price must not be less than 0; dimensions.width: width must be an integer number',
    );
  });
});
