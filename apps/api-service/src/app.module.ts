import { Module } from '@nestjs/common';
import { TelemetryModule } from '@nestjs-kafka-sync/observability';
import { ConsumerAppHealthModule } from '@nestjs-kafka-sync/kafka-kit';
import { AppConfigModule, AppKafkaModule, AppSecurityModule } from './config/app-config.module.js';
import { AppMetricsModule } from './metrics/app-metrics.module.js';
import { PrismaModule } from './prisma/prisma.module.js';
import { PrismaService } from './prisma/prisma.service.js';
import { ProductsModule } from './products/products.module.js';
import { ReconciliationModule } from './reconciliation/reconciliation.module.js';
import { SyncModule } from './sync/sync.module.js';

@Module({
  imports: [
    AppConfigModule,
    TelemetryModule.forRoot({ app: 'api-service' }),
    AppKafkaModule,
    AppSecurityModule,
    PrismaModule,
    SyncModule,
    ProductsModule,
    ReconciliationModule,
    AppMetricsModule,
    ConsumerAppHealthModule.register({ database: PrismaService, consumerName: 'sync-acks-consumer' }),
  ],
})
export class AppModule {}
