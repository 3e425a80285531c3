import type { KafkaClients } from '@nestjs-kafka-sync/kafka-kit';
import type { Kafka } from 'kafkajs';

/**
 * A Kafka client for what the consumer sends while it holds a record (acks, dead letters). No send
 * may outlast a third of the session timeout: no heartbeat goes out while one is in flight. A failed
 * send is retried by TransientRetry, which does send heartbeats while it waits.
 */
export function boundedKafka(clients: KafkaClients, sessionTimeoutMs: number, purpose: string): Kafka {
  const budgetMs = Math.floor(sessionTimeoutMs / 3);
  return clients.client(purpose, {
    connectionTimeout: Math.min(3000, budgetMs),
    requestTimeout: Math.floor(budgetMs / 2),
    retry: { retries: 1, initialRetryTime: 300, maxRetryTime: 1000 },
  });
}
