import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { PRODUCT_EVENTS_TOPIC, SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { kafkaLagGaugeProvider, MetricsModule } from '@nestjs-kafka-sync/observability';
import { kafkaConfig } from '../config/kafka.config.js';
import { syncConfig } from '../config/sync.config.js';
import { SyncModule } from '../sync/sync.module.js';
import { outboxGauges } from './outbox.gauges.js';
import { syncWaitersGauge } from './sync-waiters.gauge.js';

/**
 * api-service's /metrics: HTTP, the outbox backlog, the requests waiting for their sync, and the lag of both
 * consumer groups (the same figures as /sync/status, which is where an operator already looks).
 */
@Module({
  imports: [MetricsModule.forRoot({ app: 'api-service' }), SyncModule],
  providers: [
    ...outboxGauges,
    syncWaitersGauge,
    kafkaLagGaugeProvider(
      [syncConfig.KEY, kafkaConfig.KEY],
      (sync: ConfigType<typeof syncConfig>, kafka: ConfigType<typeof kafkaConfig>) => [
        { topic: PRODUCT_EVENTS_TOPIC, groupId: sync.catalogGroupId },
        { topic: SYNC_ACKS_TOPIC, groupId: kafka.consumer.groupId },
      ],
    ),
  ],
})
export class AppMetricsModule {}
