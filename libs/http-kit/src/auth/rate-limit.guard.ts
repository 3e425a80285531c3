import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { Throttled } from './auth.errors.js';
import type { HttpReply } from './http-request.js';

/**
 * @nestjs/throttler's guard, answering in the project's shape with a plain `Retry-After` (it names
 * the header after the window otherwise, `Retry-After-ip`, which no client reads).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // Global guards also run for the hybrid apps' Kafka handlers, which have no HTTP request.
    return context.getType() !== 'http' || super.canActivate(context);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    { timeToBlockExpire }: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, Math.ceil(timeToBlockExpire));
    context.switchToHttp().getResponse<HttpReply>().header('Retry-After', String(seconds));
    throw new Throttled(seconds);
  }
}
