import { defineOfflinePrismaConfig, LOCAL_DATABASE_URLS } from '@nestjs-kafka-sync/prisma-offline';

export default defineOfflinePrismaConfig({
  databaseUrlEnv: 'CATALOG_DATABASE_URL',
  defaultDatabaseUrl: LOCAL_DATABASE_URLS.productCatalog,
  schema: 'prisma/schema.prisma',
  migrations: 'prisma/migrations',
});
