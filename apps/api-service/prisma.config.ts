import { defineOfflinePrismaConfig } from '@nestjs-kafka-sync/prisma-offline';

export default defineOfflinePrismaConfig({
  databaseUrlEnv: 'API_DATABASE_URL',
  defaultDatabaseUrl: 'postgresql://postgres@127.0.0.1:5432/api_service',
  schema: 'prisma/schema.prisma',
  migrations: 'prisma/migrations',
});
