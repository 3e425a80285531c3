import { defineOfflinePrismaConfig } from '@nestjs-kafka-sync/prisma-offline';

export default defineOfflinePrismaConfig({
  databaseUrlEnv: 'CATALOG_DATABASE_URL',
  defaultDatabaseUrl: 'postgresql://postgres@127.0.0.1:5432/product_catalog',
  schema: 'prisma/schema.prisma',
  migrations: 'prisma/migrations',
});
