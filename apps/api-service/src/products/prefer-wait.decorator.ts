import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * Milliseconds from `Prefer: wait-for-sync=<ms>` (RFC 7240 style), or undefined when the client
 * did not ask to wait. Like any preference it is optional: a malformed one is ignored.
 */
export function parseWaitForSync(header: string | undefined): number | undefined {
  const match = header ? /(?:^|[,;\s])wait-for-sync="?(\d{1,9})"?(?=$|[,;\s])/i.exec(header) : null;
  return match ? Number(match[1]) : undefined;
}

export const WaitForSync = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  parseWaitForSync(ctx.switchToHttp().getRequest<Request>().header('prefer')),
);
