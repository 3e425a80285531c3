import { Logger } from '@nestjs/common';
import { KafkaLogger, Transport, type KafkaOptions } from '@nestjs/microservices';
import type { Env } from './config/env.schema.js';

/**
 * The Kafka side of this hybrid app. autoCommit is off: the handler commits each offset itself,
 * after its database transaction. Values stay binary so the handler decodes (and can explain) them.
 */
export function kafkaConsumerOptions(env: Pick<Env, 'KAFKA_BROKERS' | 'KAFKA_CLIENT_ID' | 'KAFKA_GROUP_ID'>): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '', // keep the configured client and group ids as they are
      client: {
        clientId: env.KAFKA_CLIENT_ID,
        brokers: env.KAFKA_BROKERS,
        logCreator: KafkaLogger.bind(null, new Logger('kafkajs')),
      },
      consumer: { groupId: env.KAFKA_GROUP_ID, allowAutoTopicCreation: false },
      subscribe: { fromBeginning: true },
      run: { autoCommit: false },
      parser: { keepBinary: true },
    },
  };
}
