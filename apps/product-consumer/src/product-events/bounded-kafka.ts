import { ConfigService } from '@nestjs/config';
import { createKafka } from '@nestjs-kafka-sync/service-kit';
import type { Kafka } from 'kafkajs';
import type { Env } from '../config/env.schema.js';

/**
 * A Kafka client for what the consumer sends while it holds a record (acks, dead letters). No send
 * may outlast a third of the session timeout: no heartbeat goes out while one is in flight. A failed
 * send is retried by TransientRetry, which does send heartbeats while it waits.
 */
export function boundedKafka(config: ConfigService<Env, true>, purpose: string): Kafka {
  const budgetMs = Math.floor(config.get('KAFKA_SESSION_TIMEOUT_MS', { infer: true }) / 3);
  return createKafka(
    `${config.get('KAFKA_CLIENT_ID', { infer: true })}-${purpose}`,
    config.get('KAFKA_BROKERS', { infer: true }),
    {
      connectionTimeout: Math.min(3000, budgetMs),
      requestTimeout: Math.floor(budgetMs / 2),
      retry: { retries: 1, initialRetryTime: 300, maxRetryTime: 1000 },
    },
  );
}
