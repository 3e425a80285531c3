import type { ValidationError } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { badField, toFieldErrors, validationException } from './validation-errors.js';

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

  it('answers 400 naming every field, in the project shape', () => {
    const error = validationException(nested);
    expect(error.getStatus()).toBe(400);
    expect(error.getResponse()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'price: price must not be less than 0; dimensions.width: width must be an integer number',
      errors: toFieldErrors(nested),
    });
    expect(badField('id', 'must be a UUID').getResponse()).toMatchObject({
      errors: [{ field: 'id', reason: 'must be a UUID' }],
    });
  });
});
