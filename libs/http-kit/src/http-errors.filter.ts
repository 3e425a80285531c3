import { Catch, HttpException, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter, HttpAdapterHost } from '@nestjs/core';
import { DomainError } from './domain-error.js';
import { errorReply } from './error-reply.js';
import { parserClientError } from './input/parser-errors.js';

/**
 * Answers domain errors, HttpExceptions and the client errors of the body parsers (too large, too
 * deep, bad charset…) in the project's error shape. Anything else is a bug: Nest's own handler
 * logs it and answers 500.
 */
@Catch()
export class HttpErrorsFilter extends BaseExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {
    super(adapterHost.httpAdapter);
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    const known =
      parserClientError(exception) ??
      (exception instanceof DomainError || exception instanceof HttpException ? exception : null);
    if (known === null || host.getType() !== 'http') return super.catch(exception, host);
    const { status, body, headers = {} } = errorReply(known);
    const response = host.switchToHttp().getResponse();
    for (const [name, value] of Object.entries(headers)) this.adapterHost.httpAdapter.setHeader(response, name, value);
    this.adapterHost.httpAdapter.reply(response, body, status);
  }
}
