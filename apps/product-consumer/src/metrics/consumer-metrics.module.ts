import { Global, Module } from '@nestjs/common';
import { MetricsModule } from '@nestjs-kafka-sync/observability';
import { consumerMetricProviders } from './consumer-metric-providers.js';
import { ConsumerMetrics } from './consumer-metrics.js';

/** product-consumer's /metrics: HTTP (the catalog API) and ConsumerMetrics, global so product-events injects it. */
@Global()
@Module({
  imports: [MetricsModule.forRoot({ app: 'product-consumer' })],
  providers: [...consumerMetricProviders, ConsumerMetrics],
  exports: [ConsumerMetrics],
})
export class ConsumerMetricsModule {}
