import { PrismaPg } from '@prisma/adapter-pg';
import { describe, expect, it } from 'vitest';
import { poolConfigFromUrl } from './pool-config.js';
import { adminDatabaseUrl, catalogTypesQuery } from './testing/test-database.js';

// Pins the upstream bug PrismaPgMigrate works around (prisma/orm#27403). When this starts
// failing, adapter-pg maps catalog types itself and reportCatalogTypesAsText can go.
// Its own file: the workaround patches adapter-pg's prototype for the whole process.
describe('@prisma/adapter-pg 6.19.3 without the workaround', () => {
  it('still cannot map the catalog type `name`', async () => {
    const adapter = await new PrismaPg(poolConfigFromUrl(adminDatabaseUrl)).connect();
    try {
      await expect(adapter.queryRaw(catalogTypesQuery)).rejects.toMatchObject({
        cause: { kind: 'UnsupportedNativeDataType' },
      });
    } finally {
      await adapter.dispose();
    }
  });
});
