import { Module } from '@nestjs/common';
import { TelemetryModule } from '@nestjs-kafka-sync/observability';
import { ConsumerAppHealthModule } from '@nestjs-kafka-sync/kafka-kit';
import { CatalogModule } from './catalog/catalog.module.js';
import { AppConfigModule, AppKafkaModule, AppSecurityModule } from './config/app-config.module.js';
import { ControlModule } from './control/control.module.js';
import { StallsModule } from './health/stalls.module.js';
import { PartitionStalls } from './health/partition-stalls.js';
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
    StallsModule,
    ProductEventsModule,
    CatalogModule,
    ControlModule,
    ConsumerAppHealthModule.register({
      database: PrismaService,
      consumerName: 'product-events-consumer',
      checks: [
        {
          key: 'partitions',
          indicator: PartitionStalls,
          upWhen:
            'no partition is stalled (a step refused for good, or failing for longer than CONSUMER_STALL_REPORT_AFTER_MS)',
        },
      ],
    }),
  ],
})
export class AppModule {}
