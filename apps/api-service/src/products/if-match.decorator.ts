import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { invalidField } from '@nestjs-kafka-sync/http-kit';

/**
 * The version a client says it is changing, from `If-Match: "<version>"` (weak tags and bare
 * numbers accepted). Absent or `*` means "whatever is current".
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  const version = match ? Number(match[1]) : NaN;
  if (!(version >= 1)) {
    throw invalidField('If-Match', 'must be a product version, e.g. "3"');
  }
  return version;
}

export const IfMatchVersion = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  parseIfMatch(ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
);
