import type { ExecutionContext } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { httpSecuritySettings, httpSecurityEnv } from './http-security.settings.js';
import { rateLimits } from './rate-limits.js';
import { z } from 'zod';

const settings = (env: Record<string, string>) => httpSecuritySettings(z.object(httpSecurityEnv).parse(env));
const contextOf = (headers: Record<string, string>) =>
  ({ switchToHttp: () => ({ getRequest: () => ({ headers }) }) }) as unknown as ExecutionContext;

describe('rateLimits', () => {
  it('counts per address and per key, each across every route, in the configured window', () => {
    const [ip, key] = rateLimits(
      settings({ RATE_LIMIT_PER_IP: '10', RATE_LIMIT_PER_KEY: '20', RATE_LIMIT_WINDOW_MS: '500' }),
    );
    expect([ip.name, ip.limit, ip.ttl, key.name, key.limit, key.ttl]).toEqual(['ip', 10, 500, 'key', 20, 500]);
    const route = (handler: string) => ({ getClass: () => Object, getHandler: () => ({ name: handler }) }) as never;
    expect(ip.generateKey?.(route('a'), '10.0.0.1', 'ip')).toBe(ip.generateKey?.(route('b'), '10.0.0.1', 'ip'));
  });

  it('tracks a key by its hash, and skips the key window for a request without one', () => {
    const [, key] = rateLimits(settings({}));
    expect(key.getTracker?.({ headers: { authorization: 'Bearer abc' } }, contextOf({}))).toMatch(/^[0-9a-f]{64}$/);
    expect(key.skipIf?.(contextOf({}))).toBe(true);
    expect(key.skipIf?.(contextOf({ authorization: 'Bearer abc' }))).toBe(false);
  });

  it('turns a window off with a limit of 0', () => {
    const [ip, key] = rateLimits(settings({ RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_KEY: '0' }));
    expect(ip.skipIf?.(contextOf({}))).toBe(true);
    expect(key.skipIf?.(contextOf({ authorization: 'Bearer abc' }))).toBe(true);
  });
});
