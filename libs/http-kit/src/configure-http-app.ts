import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { HTTP_SECURITY, type HttpSecuritySettings } from './auth/http-security.settings.js';
import { HttpErrorsFilter } from './http-errors.filter.js';
import { validationException } from './validation-errors.js';

export interface HttpAppDescription {
  title: string;
  description: string;
}

/**
 * Everything an app's main.ts applies to its HTTP side: helmet's headers, CORS only for configured
 * origins, strict validation, the project's error shape, shutdown hooks and OpenAPI at /docs (unless
 * turned off). Tests call it too, so they exercise the same pipeline. Access and rate limits are
 * HttpSecurityModule's guards.
 */
export function configureHttpApp<T extends INestApplication>(app: T, { title, description }: HttpAppDescription): T {
  const security = app.get<HttpSecuritySettings>(HTTP_SECURITY);
  app.use(helmet());
  if (security.corsOrigins.length > 0)
    app.enableCors({ origin: security.corsOrigins, exposedHeaders: ['ETag', 'Preference-Applied', 'Retry-After'] });
  if (security.trustProxyHops > 0)
    (app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void }).set(
      'trust proxy',
      security.trustProxyHops,
    );
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationException,
    }),
  );
  app.useGlobalFilters(new HttpErrorsFilter(app.get(HttpAdapterHost)));
  app.enableShutdownHooks();
  if (security.docsEnabled)
    SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, openApi(title, description)));
  return app;
}

function openApi(title: string, description: string) {
  return new DocumentBuilder()
    .setTitle(title)
    .setDescription(description)
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'An API key. Scopes: `products:write` (POST/PUT/PATCH/DELETE /products…), `admin` (reconciliation, sync status). Reads are open unless READS_NEED_KEY=true.',
      },
      'api-key',
    )
    .addSecurityRequirements('api-key')
    .build();
}
