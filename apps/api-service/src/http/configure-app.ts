import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { validationException } from '@nestjs-kafka-sync/http-kit';

/** Everything main.ts applies to the app, shared with the tests so they exercise the same pipeline. */
export function configureApp(app: INestApplication): INestApplication {
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationException,
    }),
  );
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('api-service')
      .setDescription(
        'Products: the source of truth. Every change is published to Kafka through a transactional outbox.',
      )
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}
