import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  DEAD_LETTER_TOPIC,
  toDeadLetterMessage,
  type DeadLetterCause,
  type DeadLetterSource,
} from '@nestjs-kafka-sync/contracts';
import { createIdempotentProducer, partitionCounter, ResilientProducer } from '@nestjs-kafka-sync/service-kit';
import type { Env } from '../config/env.schema.js';
import { boundedKafka } from './bounded-kafka.js';

/** Puts a record that can never be applied on `product.events.dlq`, with why, before its offset is committed. */
@Injectable()
export class DeadLetterPublisher implements OnApplicationShutdown {
  private readonly producer: ResilientProducer;
  private readonly consumerGroup: string;

  constructor(config: ConfigService<Env, true>) {
    const kafka = boundedKafka(config, 'dlq');
    this.producer = new ResilientProducer(() => createIdempotentProducer(kafka), partitionCounter(kafka));
    this.consumerGroup = config.get('KAFKA_GROUP_ID', { infer: true });
  }

  async publish(source: DeadLetterSource, cause: Omit<DeadLetterCause, 'consumerGroup'>): Promise<void> {
    await this.producer.send({
      topic: DEAD_LETTER_TOPIC,
      messages: [toDeadLetterMessage(source, { ...cause, consumerGroup: this.consumerGroup })],
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
    Logger.log('dead-letter producer closed', DeadLetterPublisher.name); // the shutdown order (e2e consumer-group test) reads it
  }
}
