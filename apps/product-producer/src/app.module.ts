import { Module } from '@nestjs/common';
import { AppConfigModule, AppKafkaModule } from './config/app-config.module.js';
import { HealthModule } from './health/health.module.js';
import { ProducerMetricsModule } from './metrics/producer-metrics.module.js';
import { OutboxModule } from './outbox/outbox.module.js';

@Module({
  imports: [AppConfigModule, AppKafkaModule, ProducerMetricsModule, OutboxModule, HealthModule],
})
export class AppModule {}
