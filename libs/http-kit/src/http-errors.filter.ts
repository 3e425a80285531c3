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
    const { status, body, headers = {} } = errorReply(exception);
    const response = host.switchToHttp().getResponse();
    for (const [name, value] of Object.entries(headers)) this.adapterHost.httpAdapter.setHeader(response, name, value);
    this.adapterHost.httpAdapter.reply(response, body, status);
  }
}
