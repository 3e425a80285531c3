import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import {
  DEAD_LETTER_TOPIC,
  toDeadLetterMessage,
  type DeadLetterCause,
  type DeadLetterSource,
} from '@nestjs-kafka-sync/contracts';
import { KafkaClients, type ResilientProducer } from '@nestjs-kafka-sync/kafka-kit';
import { kafkaConfig } from '../config/kafka.config.js';
import { boundedKafka } from './bounded-kafka.js';

/** Puts a record that can never be applied on `product.events.dlq`, with why, before its offset is committed. */
@Injectable()
export class DeadLetterPublisher implements OnApplicationShutdown {
  private readonly producer: ResilientProducer;
  private readonly consumerGroup: string;

  constructor(clients: KafkaClients, @Inject(kafkaConfig.KEY) kafka: ConfigType<typeof kafkaConfig>) {
    this.producer = clients.resilientProducer(boundedKafka(clients, kafka.consumer.sessionTimeoutMs, 'dlq'));
    this.consumerGroup = kafka.consumer.groupId;
  }

  /** Sends a batch's dead letters in one send. */
  async publish(
    ...letters: { source: DeadLetterSource; cause: Omit<DeadLetterCause, 'consumerGroup'> }[]
  ): Promise<void> {
    if (letters.length === 0) return;
    await this.producer.send({
      topic: DEAD_LETTER_TOPIC,
      messages: letters.map((l) => toDeadLetterMessage(l.source, { ...l.cause, consumerGroup: this.consumerGroup })),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
    Logger.log('dead-letter producer closed', DeadLetterPublisher.name); // the shutdown order (e2e consumer-group test) reads it
  }
}
