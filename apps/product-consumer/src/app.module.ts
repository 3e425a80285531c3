import { Module } from '@nestjs/common';
import { TelemetryModule } from '@nestjs-kafka-sync/observability';
import { ConsumerAppHealthModule } from '@nestjs-kafka-sync/kafka-kit';
import { CatalogModule } from './catalog/catalog.module.js';
import { AppConfigModule, AppKafkaModule, AppSecurityModule } from './config/app-config.module.js';
import { ControlModule } from './control/control.module.js';
import { ConsumerMetricsModule } from './metrics/consumer-metrics.module.js';
import { PrismaModule } from './prisma/prisma.module.js';
import { PrismaService } from './prisma/prisma.service.js';
import { ProductEventsModule } from './product-events/product-events.module.js';

@Module({
  imports: [
    AppConfigModule,
    TelemetryModule.forRoot({ app: 'product-consumer' }),
    AppKafkaModule,
    AppSecurityModule,
    PrismaModule,
    ConsumerMetricsModule,
    ProductEventsModule,
    CatalogModule,
    ControlModule,
    ConsumerAppHealthModule.register({ database: PrismaService, consumerName: 'product-events-consumer' }),
  ],
})
export class AppModule {}
