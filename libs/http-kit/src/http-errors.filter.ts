import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError } from './domain-error.js';
import { errorReply } from './error-reply.js';

/**
 * Answers domain errors and HttpExceptions in the project's error shape. Anything else is a bug:
 * it falls through to Nest's handler, which logs it and answers 500.
 */
@Catch(DomainError, HttpException)
export class HttpErrorsFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: DomainError | HttpException, host: ArgumentsHost): void {
    const { status, body } = errorReply(exception);
    this.adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), body, status);
  }
}
