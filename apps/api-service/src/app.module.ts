import { Module } from '@nestjs/common';
import { AppConfigModule, AppKafkaModule } from './config/app-config.module.js';
import { HealthModule } from './health/health.module.js';
import { PrismaModule } from './prisma/prisma.module.js';
import { ProductsModule } from './products/products.module.js';
import { ReconciliationModule } from './reconciliation/reconciliation.module.js';
import { SyncModule } from './sync/sync.module.js';

@Module({
  imports: [
    AppConfigModule,
    AppKafkaModule,
    PrismaModule,
    SyncModule,
    ProductsModule,
    ReconciliationModule,
    HealthModule,
  ],
})
export class AppModule {}
