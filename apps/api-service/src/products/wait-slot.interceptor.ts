import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { finalize, type Observable } from 'rxjs';
import { SyncWaiters } from '../sync/sync-waiters.js';
import { parseWaitForSync, preferHeader } from './prefer-wait.decorator.js';

/**
 * A write that asks to wait for its sync takes a waiting slot before anything runs, and gives it back when it
 * has answered: past the cap it is refused (503, TooManySyncWaiters) having written nothing.
 */
@Injectable()
export class WaitSlotInterceptor implements NestInterceptor {
  constructor(private readonly waiters: SyncWaiters) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method === 'GET' || parseWaitForSync(preferHeader(request)) === undefined) return next.handle();
    const release = this.waiters.reserve();
    return next.handle().pipe(finalize(release));
  }
}
