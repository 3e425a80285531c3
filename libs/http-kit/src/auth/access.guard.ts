import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { routePattern, type RoutedRequest } from '@nestjs-kafka-sync/observability';
import { accessFor } from './access-policy.js';
import { Forbidden, Unauthenticated } from './auth.errors.js';
import { AUTHENTICATOR, type Authenticator } from './authenticator.js';
import type { HttpRequest } from './http-request.js';
import { HTTP_SECURITY, type HttpSecuritySettings } from './http-security.settings.js';

/** Every HTTP route of both apps: the access policy says what it needs, the authenticator who calls. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    @Inject(HTTP_SECURITY) private readonly settings: HttpSecuritySettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Global guards also run for the hybrid apps' Kafka handlers; the broker is secured apart.
    if (context.getType() !== 'http') return true;
    // An Express or a Fastify request: a guard runs only once a route matched.
    const request = context.switchToHttp().getRequest<RoutedRequest & HttpRequest>();
    const route = routePattern(request) ?? request.url;
    const access = accessFor(request.method, route, this.settings.readsNeedKey);
    if (access === 'open') return true;
    const caller = await this.authenticator.authenticate(request);
    if (!caller) throw new Unauthenticated('this route needs an API key: send "Authorization: Bearer <key>"');
    if (access !== 'any-key' && !caller.scopes.includes(access)) throw new Forbidden(access);
    return true;
  }
}
