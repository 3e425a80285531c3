import { PrismaService } from '../prisma/prisma.service.js';

/** The test database `npm test` migrated; these tests empty it, so they refuse to guess one. */
export function testPrisma(): PrismaService {
  const url = process.env.CATALOG_DATABASE_URL;
  if (!url)
    throw new Error(
      'CATALOG_DATABASE_URL is not set: run these tests through `npm test`, which points it at product_catalog_test',
    );
  return new PrismaService({ url, poolSize: 5, callTimeoutMs: 10_000 });
}
