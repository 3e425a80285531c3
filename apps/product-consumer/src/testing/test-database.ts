import { CatalogPool } from '../prisma/catalog-pool.js';
import { PrismaService } from '../prisma/prisma.service.js';

/** The test database `npm test` migrated; these tests empty it, so they refuse to guess one. */
function testDatabase() {
  const url = process.env.CATALOG_DATABASE_URL;
  if (!url)
    throw new Error(
      'CATALOG_DATABASE_URL is not set: run these tests through `npm test`, which points it at product_catalog_test',
    );
  return { url, poolSize: 5, callTimeoutMs: 10_000 };
}

export function testPrisma(): PrismaService {
  return new PrismaService(testDatabase());
}

/** The plain pg pool of the batched apply (CatalogReplicaService), on the same test database. */
export function testCatalogPool(): CatalogPool {
  return new CatalogPool(testDatabase());
}
