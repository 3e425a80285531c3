import { Transport, type KafkaOptions } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { kafkaClientConfig } from './kafka-client.js';
import type { KafkaConsumerSettings, KafkaSettings } from './kafka-settings.js';

/**
 * A Nest Kafka microservice that consumes the way this project needs: autoCommit off (each handler
 * commits its offset itself, after its database transaction), from the beginning for a new group,
 * client and group ids as configured (no "-server" suffix), values left binary so the handler
 * decodes them against the contract and can say why one is bad.
 */
export function kafkaConsumerOptions(settings: KafkaSettings, consumer: KafkaConsumerSettings): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: kafkaClientConfig(
        settings,
        undefined,
        consumer.waitForBrokers
          ? { retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 10_000 } }
          : {},
      ),
      consumer: {
        groupId: consumer.groupId,
        allowAutoTopicCreation: false,
        ...(consumer.sessionTimeoutMs && {
          sessionTimeout: consumer.sessionTimeoutMs,
          heartbeatInterval: Math.floor(consumer.sessionTimeoutMs / 10),
        }),
      },
      // Nest makes a producer for replies too (unused here); it partitions like every other producer of the project.
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
      subscribe: { fromBeginning: true },
      run: { autoCommit: false },
      parser: { keepBinary: true },
    },
  };
}
