import type { ValidationError } from '@nestjs/common';
import type { FieldError } from './domain-error.js';
import { InvalidInput } from './invalid-input.js';

/** Flattens class-validator's tree into one entry per broken rule, with the field's dotted path. */
export function toFieldErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** ValidationPipe's exceptionFactory: a 400 that names every bad field and why. */
export function validationException(errors: ValidationError[]): InvalidInput {
  return new InvalidInput(toFieldErrors(errors));
}
