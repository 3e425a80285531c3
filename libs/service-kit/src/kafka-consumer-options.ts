import { Logger } from '@nestjs/common';
import { KafkaLogger, Transport, type KafkaOptions } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';

/**
 * A Nest Kafka microservice that consumes the way this project needs: autoCommit off (each handler
 * commits its offset itself, after its database transaction), from the beginning for a new group,
 * client and group ids as configured (no "-server" suffix), values left binary so the handler
 * decodes them against the contract and can say why one is bad.
 */
export function kafkaConsumerOptions(options: {
  clientId: string;
  brokers: string[];
  groupId: string;
  /** Keep retrying to reach the brokers instead of failing after kafkajs' default few attempts. */
  waitForBrokers?: boolean;
  /** kafkajs' default is 30 s; a crashed instance's partitions wait that long for a new owner. */
  sessionTimeoutMs?: number;
}): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: {
        clientId: options.clientId,
        brokers: options.brokers,
        logCreator: KafkaLogger.bind(null, new Logger('kafkajs')),
        ...(options.waitForBrokers && {
          retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 10_000 },
        }),
      },
      consumer: {
        groupId: options.groupId,
        allowAutoTopicCreation: false,
        ...(options.sessionTimeoutMs && {
          sessionTimeout: options.sessionTimeoutMs,
          heartbeatInterval: Math.floor(options.sessionTimeoutMs / 10),
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
