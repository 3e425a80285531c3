import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { HttpErrorsFilter } from './http-errors.filter.js';
import { useBoundedBodyParsers } from './input/body-parsers.js';
import { InputValidityPipe } from './input/input-validity.pipe.js';
import { validationException } from './validation-errors.js';

export interface HttpAppDescription {
  title: string;
  description: string;
}

/**
 * Everything an app's main.ts applies to its HTTP side: bounded body parsers, input that
 * PostgreSQL can store, strict validation, the project's error shape, shutdown hooks and OpenAPI at /docs. Tests call it too, so they exercise the same pipeline.
 */
export function configureHttpApp<T extends INestApplication>(app: T, { title, description }: HttpAppDescription): T {
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
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(title).setDescription(description).setVersion('1').build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}
