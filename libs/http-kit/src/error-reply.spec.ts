import { BadRequestException, HttpException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { DomainError } from './domain-error.js';
import { errorReply } from './error-reply.js';
import { invalidField } from './invalid-input.js';
import { Forbidden, Throttled, Unauthenticated } from './auth/auth.errors.js';

class Stale extends DomainError {
  readonly kind = 'stale';
  constructor() {
    super('thing is at version 2, not 1', { facts: { currentVersion: 2, statusCode: 999 } });
  }
}

class Gone extends DomainError {
  readonly kind = 'not-found';
}

const body = (exception: DomainError | HttpException) => {
  const reply = errorReply(exception);
  expect((reply.body as { statusCode?: number }).statusCode).toBe(reply.status);
  return reply.body;
};

describe('errorReply', () => {
  it('maps each kind of domain error to its status, with the fields at fault', () => {
    expect(body(invalidField('id', 'must be a UUID'))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'id: must be a UUID',
      errors: [{ field: 'id', reason: 'must be a UUID' }],
    });
    expect(body(new Gone('thing 1 does not exist'))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'thing 1 does not exist',
    });
  });

  it('adds the facts to recover with, which cannot override the shape', () => {
    expect(body(new Stale())).toEqual({
      statusCode: 412,
      error: 'Precondition Failed',
      message: 'thing is at version 2, not 1',
      currentVersion: 2,
    });
  });

  it("reshapes Nest's default bodies: one message, the standard reason phrase", () => {
    expect(body(new BadRequestException(['a must be a string', 'b must be a number']))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'a must be a string; b must be a number',
    });
    expect(body(new NotFoundException('Cannot GET /nowhere'))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /nowhere',
    });
    expect(body(new HttpException('I am a teapot', 418))).toEqual({
      statusCode: 418,
      error: "I'm a Teapot",
      message: 'I am a teapot',
    });
  });

  it('keeps a body a library built on purpose, such as a Terminus health report', () => {
    const report = { status: 'error', info: {}, error: { database: { status: 'down' } }, details: {} };
    expect(errorReply(new ServiceUnavailableException(report))).toEqual({ status: 503, body: report });
  });

  it("says a health indicator is down, never the driver's reason (it names hosts, users, SQL)", () => {
    const down = { status: 'down', message: "Can't reach database server at `127.0.0.1:5432`" };
    const consumer = { status: 'up', consumer: 'connected' };
    const report = {
      status: 'error',
      info: { consumer },
      error: { database: down },
      details: { database: down, consumer },
    };
    expect(errorReply(new ServiceUnavailableException(report)).body).toEqual({
      status: 'error',
      info: { consumer },
      error: { database: { status: 'down' } },
      details: { database: { status: 'down' }, consumer },
    });
  });

  it('answers 401 with the Bearer challenge, 403 naming the scope, 429 with Retry-After', () => {
    expect(errorReply(new Unauthenticated('the API key is not valid', { invalidToken: true }))).toEqual({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: 'the API key is not valid' },
      headers: { 'WWW-Authenticate': 'Bearer realm="nestjs-kafka-sync", error="invalid_token"' },
    });
    expect(body(new Forbidden('admin'))).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'this API key lacks the scope "admin"',
      requiredScope: 'admin',
    });
    expect(errorReply(new Throttled(3))).toMatchObject({ status: 429, headers: { 'Retry-After': '3' } });
  });
});
