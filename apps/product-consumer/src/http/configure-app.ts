import type { INestApplication } from '@nestjs/common';
import { configureHttpApp } from '@nestjs-kafka-sync/http-kit';

/** Everything main.ts applies to the HTTP side, shared with the tests so they exercise the same pipeline. */
export function configureApp<T extends INestApplication>(app: T): T {
  return configureHttpApp(app, {
    title: 'product-consumer',
    description: 'Read-only view of the product_catalog replica, and operator controls over its consumer.',
    tags: {
      catalog: 'The replica as product-consumer applied it.',
      control: 'Pause and resume consumption; replay dead letters.',
      health: 'Liveness for load balancers and orchestrators.',
    },
  });
}
