import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerOptions } from '@nestjs/throttler';
import { bearerToken } from './bearer-token.js';
import type { HttpRequest } from './http-request.js';
import type { HttpSecuritySettings } from './http-security.settings.js';
import { sha256Hex } from './key-hash.js';

const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<HttpRequest>();

/** The presented key, hashed (no key in plain text stays in memory as a counter's name). */
const presentedKey = (request: HttpRequest) => {
  const token = bearerToken(request.headers.authorization);
  return token === undefined || token === 'malformed' ? undefined : sha256Hex(token);
};

/** One window per client (or key) across every route: @nestjs/throttler counts each handler apart by default. */
const acrossRoutes = (_context: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`;

/**
 * Two windows: one per client address (so guessing keys is throttled too), one per key (so one
 * client cannot spread a flood over many addresses). A limit of 0 turns that window off.
 */
export function rateLimits({ rateLimit }: HttpSecuritySettings): ThrottlerOptions[] {
  const { windowMs, perIp, perKey } = rateLimit;
  return [
    {
      name: 'ip',
      ttl: windowMs,
      limit: perIp,
      skipIf: () => perIp === 0,
      getTracker: (req) => (req as HttpRequest).ip ?? '',
      generateKey: acrossRoutes,
    },
    {
      name: 'key',
      ttl: windowMs,
      limit: perKey,
      skipIf: (context) => perKey === 0 || presentedKey(requestOf(context)) === undefined,
      getTracker: (req) => presentedKey(req as HttpRequest) ?? '',
      generateKey: acrossRoutes,
    },
  ];
}
