import { BadRequestException, type ValidationError } from '@nestjs/common';

export interface FieldError {
  field: string;
  reason: string;
}

/** Flattens class-validator's tree into one entry per broken rule, with the field's dotted path. */
export function toFieldErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** ValidationPipe's exceptionFactory: a 400 that names every bad field and why. */
export function validationException(errors: ValidationError[]): BadRequestException {
  const fieldErrors = toFieldErrors(errors);
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: fieldErrors.map((e) => `${e.field}: ${e.reason}`).join('; '),
    errors: fieldErrors,
  });
}

/** A 400 about one field, in the same shape as the validation errors. */
export function badField(field: string, reason: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `${field}: ${reason}`,
    errors: [{ field, reason }],
  });
}
