import { Global, Module } from '@nestjs/common';
import { MetricsModule } from '@nestjs-kafka-sync/observability';
import { relayMetricProviders, RelayMetrics } from './relay-metrics.js';

/** product-producer's /metrics: HTTP and the relay's (RelayMetrics, injected into OutboxRelayService). */
@Global()
@Module({
  imports: [MetricsModule.forRoot({ app: 'product-producer' })],
  providers: [...relayMetricProviders, RelayMetrics],
  exports: [RelayMetrics],
})
export class ProducerMetricsModule {}
