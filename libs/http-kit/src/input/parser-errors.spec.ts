import { describe, expect, it } from 'vitest';
import { HttpException } from '@nestjs/common';
import { errorReply } from '../error-reply.js';
import { invalidField } from '../invalid-input.js';
import { parserClientError } from './parser-errors.js';

const parserError = (message: string, props: object) => Object.assign(new Error(message), props);

describe('parserClientError', () => {
  it('answers a body over the limit with 413 naming the limit', () => {
    const error = parserClientError(
      parserError('request entity too large', { status: 413, expose: true, type: 'entity.too.large' }),
    );
    expect(error).not.toBeNull();
    expect(errorReply(error as NonNullable<typeof error>)).toEqual({
      status: 413,
      body: {
        statusCode: 413,
        error: 'Payload Too Large',
        message: 'body: must be at most 65536 bytes',
        errors: [{ field: 'body', reason: 'must be at most 65536 bytes' }],
      },
    });
  });

  it("keeps other client errors' status and message, in the project's shape", () => {
    const error = parserClientError(parserError('unsupported charset "UTF-7"', { status: 415, expose: true }));
    expect(errorReply(error as NonNullable<typeof error>).body).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: 'unsupported charset "UTF-7"',
    });
  });

  it('unwraps what Nest 12 wraps in an HttpException: a too-large body, a domain error from verify', () => {
    const tooLarge = parserError('request entity too large', { status: 413, expose: true, type: 'entity.too.large' });
    expect(
      errorReply(parserClientError(new HttpException('x', 413, { cause: tooLarge })) as HttpException).status,
    ).toBe(413);
    const tooDeep = invalidField('body', 'too deep');
    expect(parserClientError(new HttpException('Forbidden', 403, { cause: tooDeep }))).toBe(tooDeep);
  });

  it('leaves server errors and ordinary errors alone', () => {
    expect(parserClientError(parserError('stream broke', { status: 500, expose: false }))).toBeNull();
    expect(parserClientError(parserError('secret', { status: 400, expose: false }))).toBeNull();
    expect(parserClientError(new TypeError('x is undefined'))).toBeNull();
    expect(parserClientError('a string')).toBeNull();
  });
});
