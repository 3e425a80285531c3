import { Module } from '@nestjs/common';
import { TelemetryModule } from '@nestjs-kafka-sync/observability';
import { AppConfigModule, AppKafkaModule } from './config/app-config.module.js';
import { HealthModule } from './health/health.module.js';
import { ProducerMetricsModule } from './metrics/producer-metrics.module.js';
import { OutboxModule } from './outbox/outbox.module.js';

@Module({
  imports: [
    AppConfigModule,
    TelemetryModule.forRoot({ app: 'product-producer' }),
    AppKafkaModule,
    ProducerMetricsModule,
    OutboxModule,
    HealthModule,
  ],
})
export class AppModule {}
