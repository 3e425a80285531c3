import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessGuard } from './access.guard.js';
import { ApiKeyAuthenticator } from './api-key.authenticator.js';
import { AUTHENTICATOR } from './authenticator.js';
import { HTTP_SECURITY, type HttpSecuritySettings } from './http-security.settings.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { rateLimits } from './rate-limits.js';

export interface HttpSecurityModuleOptions extends Pick<ModuleMetadata, 'imports'> {
  useFactory: (settings: HttpSecuritySettings) => HttpSecuritySettings;
  inject?: (string | symbol)[];
}

/**
 * The HTTP edge of an app: rate limits first (so failed logins count too), then the access guard.
 * Global guards run in the order their providers are listed.
 */
@Module({})
export class HttpSecurityModule {
  static forRootAsync({ imports = [], useFactory, inject = [] }: HttpSecurityModuleOptions): DynamicModule {
    return {
      module: HttpSecurityModule,
      global: true,
      imports: [
        ...imports,
        ThrottlerModule.forRootAsync({
          imports,
          inject,
          useFactory: (settings: HttpSecuritySettings) => ({ throttlers: rateLimits(useFactory(settings)) }),
        }),
      ],
      providers: [
        { provide: HTTP_SECURITY, useFactory, inject },
        { provide: AUTHENTICATOR, useClass: ApiKeyAuthenticator },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [HTTP_SECURITY, AUTHENTICATOR],
    };
  }
}
