import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
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

/** The real app (validation, filters, Prisma, PostgreSQL) in process, without a port of its own. */
export async function createTestApp(): Promise<INestApplication> {
  testDatabaseUrl();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = configureApp(moduleRef.createNestApplication());
  await app.init();
  return app;
}

export function testDatabase(): pg.Pool {
  return new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
}
