import { defineOfflinePrismaConfig, LOCAL_DATABASE_URLS } from '@nestjs-kafka-sync/prisma-offline';

export default defineOfflinePrismaConfig({
  databaseUrlEnv: 'API_DATABASE_URL',
  defaultDatabaseUrl: LOCAL_DATABASE_URLS.apiService,
  schema: 'prisma/schema.prisma',
  migrations: 'prisma/migrations',
});
