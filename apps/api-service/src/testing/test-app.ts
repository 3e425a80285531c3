import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AUTHENTICATOR, fastifyAdapter, type Authenticator } from '@nestjs-kafka-sync/http-kit';
import pg from 'pg';
import { AppModule } from '../app.module.js';
import { configureApp } from '../http/configure-app.js';

/** The test database `npm test` migrated; these tests empty it, so they refuse to guess one. */
export function testDatabaseUrl(): string {
  const url = process.env.API_DATABASE_URL;
  if (!url)
    throw new Error(
      'API_DATABASE_URL is not set: run these tests through `npm test`, which points it at api_service_test',
    );
  return url;
}

/** Every request comes from a caller with every scope: these tests are about products, not access. */
const trustedCaller: Authenticator = {
  authenticate: () => Promise.resolve({ name: 'int-test', scopes: ['products:write', 'admin'] }),
};

/**
 * The real app (validation, filters, Prisma, PostgreSQL) in process, without a port of its own.
 * Access control is proven apart, end to end (apps/sync-e2e/src/security.e2e.spec.ts).
 */
export async function createTestApp(): Promise<NestFastifyApplication> {
  testDatabaseUrl();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(AUTHENTICATOR)
    .useValue(trustedCaller)
    .compile();
  const app = configureApp(moduleRef.createNestApplication<NestFastifyApplication>(fastifyAdapter()));
  await app.init();
  await app.getHttpAdapter().getInstance().ready(); // Fastify routes only once ready
  return app;
}

export function testDatabase(): pg.Pool {
  return new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
}
