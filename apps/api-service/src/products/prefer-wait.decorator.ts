import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * Milliseconds from `Prefer: wait-for-sync=<ms>` (RFC 7240 style), or undefined when the client
 * did not ask to wait. Like any preference it is optional: a malformed one is ignored.
 */
export function parseWaitForSync(header: string | undefined): number | undefined {
  const match = header ? /(?:^|[,;\s])wait-for-sync="?(\d{1,9})"?(?=$|[,;\s])/i.exec(header) : null;
  return match ? Number(match[1]) : undefined;
}

/** The Prefer header: Node joins a header it has no rule for into one string when it is sent more than once. */
export const preferHeader = (request: FastifyRequest) => request.headers.prefer as string | undefined;

export const WaitForSync = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  parseWaitForSync(preferHeader(ctx.switchToHttp().getRequest<FastifyRequest>())),
);
