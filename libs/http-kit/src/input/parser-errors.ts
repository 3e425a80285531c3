import { HttpException } from '@nestjs/common';
import { DomainError } from '../domain-error.js';
import { INPUT_LIMITS } from './input-limits.js';

/** The body is bigger than either app accepts. */
export class BodyTooLarge extends DomainError {
  readonly kind = 'too-large';

  constructor() {
    const reason = `must be at most ${INPUT_LIMITS.maxBodyBytes} bytes`;
    super(`body: ${reason}`, { fields: [{ field: 'body', reason }] });
  }
}

/**
 * What body-parser (via http-errors) throws: a status, and `expose` when its message is meant for the client.
 * Fastify's parser errors carry a `code` instead (FST_ERR_CTP_…).
 */
interface ParserError {
  status?: unknown;
  expose?: unknown;
  type?: unknown;
  code?: unknown;
  message: string;
}

/**
 * The client's fault among errors raised before any route ran, as an error the project's shape
 * answers; null for anything else, which stays a 500. Nest 12 wraps body-parser's errors in an
 * HttpException (its `cause` is the original, nestjs/nest#18213), so both are looked at: a
 * DomainError our `verify` hook or Fastify parser threw, a body too large, or another exposed 4xx (bad charset…).
 * Fastify's other 4xx errors come as an HttpException already, which the filter answers as it is.
 */
export function parserClientError(exception: unknown): DomainError | HttpException | null {
  const error = exception instanceof HttpException && exception.cause !== undefined ? exception.cause : exception;
  if (error instanceof DomainError) return error;
  if (!(error instanceof Error)) return null;
  const { status, expose, type, code } = error as ParserError;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new BodyTooLarge();
  if (typeof status !== 'number' || status < 400 || status > 499 || expose !== true) return null;
  if (type === 'entity.too.large') return new BodyTooLarge();
  return exception instanceof HttpException ? exception : new HttpException(error.message, status);
}
