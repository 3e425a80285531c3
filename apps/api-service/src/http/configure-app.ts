import type { INestApplication } from '@nestjs/common';
import { configureHttpApp } from '@nestjs-kafka-sync/http-kit';

/** Everything main.ts applies to the app, shared with the tests so they exercise the same pipeline. */
export function configureApp<T extends INestApplication>(app: T): T {
  return configureHttpApp(app, {
    title: 'api-service',
    description: 'Products: the source of truth. Every change is published to Kafka through a transactional outbox.',
    tags: {
      products: 'The products, read and written here; each write reaches the replica through Kafka.',
      sync: "How far product-consumer's replica is behind.",
      reconciliation: 'Compare the replica with the source product by product, and repair the drift.',
      health: 'Liveness for load balancers and orchestrators.',
    },
  });
}
