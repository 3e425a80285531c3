import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DomainError, type DomainErrorKind, type FieldError } from './domain-error.js';

/** Every error either app answers: `errors` when fields are at fault, plus any facts to recover with. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: FieldError[];
  [fact: string]: unknown;
}

/** The one place a domain error becomes an HTTP status. */
export const STATUS_OF: Record<DomainErrorKind, HttpStatus> = {
  invalid: HttpStatus.BAD_REQUEST,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  stale: HttpStatus.PRECONDITION_FAILED,
};

/** The body for a domain error, or for an HttpException Nest or a library threw (Nest's default body, reshaped). */
export function errorBody(exception: DomainError | HttpException): ErrorBody {
  if (exception instanceof DomainError) {
    const statusCode = STATUS_OF[exception.kind];
    return {
      ...exception.facts,
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message: exception.message,
      ...(exception.fields.length > 0 && { errors: exception.fields }),
    };
  }
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  const fields: Record<string, unknown> = typeof response === 'object' ? { ...response } : { message: response };
  // Nest's own ValidationPipe answers a list of messages; the project's shape has one.
  const message = Array.isArray(fields.message)
    ? fields.message.join('; ')
    : String(fields.message ?? exception.message);
  return {
    ...fields,
    statusCode,
    error: typeof fields.error === 'string' ? fields.error : (STATUS_CODES[statusCode] ?? 'Error'),
    message,
  };
}
