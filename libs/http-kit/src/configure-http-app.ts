import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { enableLoggedShutdown, traceHttpRequests } from '@nestjs-kafka-sync/observability';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyHelmet from '@fastify/helmet';
import helmet from 'helmet';
import { HTTP_SECURITY, type HttpSecuritySettings } from './auth/http-security.settings.js';
import { labelRequests } from './fastify/label-requests.js';
import { HttpErrorsFilter } from './http-errors.filter.js';
import { useBoundedBodyParsers } from './input/body-parsers.js';
import { InputValidityPipe } from './input/input-validity.pipe.js';
import { openApiDocument, type HttpAppDescription } from './openapi/openapi-document.js';
import { validationException } from './validation-errors.js';

/**
 * Everything an app's main.ts applies to its HTTP side: a trace span per request, helmet's headers, CORS only for configured
 * origins, bounded body parsers, input that PostgreSQL can store, strict validation, the project's error shape, shutdown hooks and OpenAPI at /docs (unless
 * turned off). Tests call it too, so they exercise the same pipeline. Access and rate limits are
 * HttpSecurityModule's guards.
 */
export function configureHttpApp<T extends INestApplication>(app: T, description: HttpAppDescription): T {
  const security = app.get<HttpSecuritySettings>(HTTP_SECURITY);
  app.use(traceHttpRequests); // first: all that follows, logs included, runs in the request's span
  if (app.getHttpAdapter().getType() === 'fastify') {
    // Fastify takes the proxy hops when it is made (fastifyAdapter); helmet's same defaults, as Fastify hooks.
    const fastify = (app as unknown as NestFastifyApplication).getHttpAdapter().getInstance();
    labelRequests(fastify);
    void fastify.register(fastifyHelmet);
  } else {
    app.use(helmet());
    if (security.trustProxyHops > 0)
      (app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void }).set(
        'trust proxy',
        security.trustProxyHops,
      );
  }
  if (security.corsOrigins.length > 0)
    app.enableCors({ origin: security.corsOrigins, exposedHeaders: ['ETag', 'Preference-Applied', 'Retry-After'] });
  useBoundedBodyParsers(app);
  app.useGlobalPipes(
    new InputValidityPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationException,
    }),
  );
  app.useGlobalFilters(new HttpErrorsFilter(app.get(HttpAdapterHost)));
  enableLoggedShutdown(app);
  if (security.docsEnabled) SwaggerModule.setup('docs', app, openApiDocument(app, description));
  return app;
}
