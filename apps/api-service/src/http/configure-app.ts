import type { INestApplication } from '@nestjs/common';
import { configureHttpApp } from '@nestjs-kafka-sync/http-kit';

/** Everything main.ts applies to the app, shared with the tests so they exercise the same pipeline. */
export function configureApp(app: INestApplication): INestApplication {
  return configureHttpApp(app, {
    title: 'api-service',
    description: 'Products: the source of truth. Every change is published to Kafka through a transactional outbox.',
  });
}
