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
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  throttled: HttpStatus.TOO_MANY_REQUESTS,
};

export interface ErrorReply {
  status: number;
  body: ErrorBody | object;
  headers?: Record<string, string>;
}

/**
 * What to answer for a domain error, or for an HttpException Nest or a library threw: Nest's
 * default bodies (`{statusCode, message, error}`, or a bare string) are reshaped; a body a library
 * built on purpose, such as Terminus's health report on 503, is its API and is kept as it is.
 */
export function errorReply(exception: DomainError | HttpException): ErrorReply {
  if (exception instanceof DomainError) {
    const status = STATUS_OF[exception.kind];
    return {
      status,
      body: {
        ...exception.facts,
        statusCode: status,
        error: reasonPhrase(status),
        message: exception.message,
        ...(exception.fields.length > 0 && { errors: exception.fields }),
      },
      ...(Object.keys(exception.headers).length > 0 && { headers: exception.headers }),
    };
  }
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string')
    return { status, body: { statusCode: status, error: reasonPhrase(status), message: response } };
  if (isHealthReport(response)) return { status, body: withoutMessages(response) };
  if (!isNestDefaultBody(response)) return { status, body: response };
  // Nest's own ValidationPipe answers a list of messages; the project's shape has one.
  const message = Array.isArray(response.message) ? response.message.join('; ') : String(response.message);
  const error = typeof response.error === 'string' ? response.error : reasonPhrase(status);
  return { status, body: { ...response, statusCode: status, error, message } };
}

function isNestDefaultBody(response: object): response is { statusCode: number; message: unknown; error?: unknown } {
  return 'statusCode' in response && 'message' in response;
}

type HealthReport = Record<'info' | 'error' | 'details', Record<string, Record<string, unknown>>>;

/** Terminus's report on 503: `{status, info, error, details}`, each indicator by name. */
function isHealthReport(response: object): response is HealthReport {
  return 'status' in response && 'details' in response && 'error' in response;
}

/**
 * A health report says up or down per indicator, never why: a driver's message names hosts, users
 * and SQL (the logs have it). Other details, such as a consumer's state, stay.
 */
function withoutMessages(report: HealthReport): HealthReport {
  const strip = (entries: Record<string, Record<string, unknown>> = {}) =>
    Object.fromEntries(Object.entries(entries).map(([name, { message: _message, ...rest }]) => [name, rest]));
  return { ...report, info: strip(report.info), error: strip(report.error), details: strip(report.details) };
}

function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
