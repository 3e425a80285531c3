import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import {
  DEAD_LETTER_TOPIC,
  DeadLetterHeaders,
  fitDeadLetter,
  toDeadLetterMessage,
  type DeadLetterCause,
  type DeadLetterMessage,
  type DeadLetterSource,
} from '@nestjs-kafka-sync/contracts';
import { classifyKafkaFailure, KafkaClients, type ResilientProducer } from '@nestjs-kafka-sync/kafka-kit';
import { kafkaConfig } from '../config/kafka.config.js';
import { ConsumerMetrics } from '../metrics/consumer-metrics.js';
import { boundedKafka } from './bounded-kafka.js';
import { DeadLetterLimit } from './dead-letter-limit.js';

/** Not even a dead letter cut to its pointer fits the topic's limit: only an operator (raising it) helps. */
export class DeadLetterCannotFit extends Error {
  readonly retriable = false;
  override readonly name = 'DeadLetterCannotFit';
  constructor(where: string, limit: number) {
    super(`the dead letter of ${where} does not fit ${DEAD_LETTER_TOPIC} (max.message.bytes ${limit}) even cut`);
  }
}

/**
 * Puts a record that can never be applied on `product.events.dlq`, with why, before its offset is
 * committed. A dead letter over the topic's max.message.bytes (a record near the limit plus the
 * dlq-* headers) would be refused forever (MESSAGE_TOO_LARGE): it is stored cut to fit instead, with
 * its pointer to the original record (see fitDeadLetter).
 */
@Injectable()
export class DeadLetterPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(DeadLetterPublisher.name);
  private readonly producer: ResilientProducer;
  private readonly limit: DeadLetterLimit;
  private readonly consumerGroup: string;

  constructor(
    clients: KafkaClients,
    @Inject(kafkaConfig.KEY) kafka: ConfigType<typeof kafkaConfig>,
    @Optional() private readonly metrics?: ConsumerMetrics,
  ) {
    const client = boundedKafka(clients, kafka.consumer.sessionTimeoutMs, 'dlq');
    this.producer = clients.resilientProducer(client);
    this.limit = new DeadLetterLimit(client);
    this.consumerGroup = kafka.consumer.groupId;
  }

  /** Sends a batch's dead letters in one send; one at a time if the broker refuses their size. */
  async publish(
    ...letters: { source: DeadLetterSource; cause: Omit<DeadLetterCause, 'consumerGroup'> }[]
  ): Promise<void> {
    if (letters.length === 0) return;
    const messages = letters.map((l) =>
      toDeadLetterMessage(l.source, { ...l.cause, consumerGroup: this.consumerGroup }),
    );
    try {
      await this.sendWithinLimit(messages);
    } catch (error) {
      this.limit.forget(); // an operator may change the limit before the retry (e.g. raise it): read it again then
      throw error;
    }
  }

  private async sendWithinLimit(messages: DeadLetterMessage[]): Promise<void> {
    try {
      await this.send(messages, await this.limit.bytes());
    } catch (error) {
      if (classifyKafkaFailure(error).kind !== 'too-large') throw error;
      // The limit changed since read, or several letters together are over it: read it again, send singly.
      this.limit.forget();
      const limit = await this.limit.bytes();
      this.logger.warn(
        `${DEAD_LETTER_TOPIC} refused a dead letter's size: sending one at a time within ${limit} bytes`,
      );
      for (const message of messages) await this.send([message], limit);
    }
  }

  private async send(messages: DeadLetterMessage[], limit: number): Promise<void> {
    const fitted = messages.map((message) => {
      const fit = fitDeadLetter(message, limit);
      if (!fit) throw new DeadLetterCannotFit(originalOf(message), limit);
      if (fit !== message) this.logTruncated(message, fit, limit);
      return fit;
    });
    await this.producer.send({ topic: DEAD_LETTER_TOPIC, messages: fitted });
  }

  private logTruncated(message: DeadLetterMessage, fit: DeadLetterMessage, limit: number): void {
    this.metrics?.deadLetterTruncated();
    this.logger.warn(
      `the dead letter of ${originalOf(message)} is over ${DEAD_LETTER_TOPIC}'s ${limit} bytes: stored cut to ${valueBytes(fit)} of ${valueBytes(message)} value bytes; the full record stays at that offset`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
    Logger.log('dead-letter producer closed', DeadLetterPublisher.name); // the shutdown order (e2e consumer-group test) reads it
  }
}

function originalOf(message: DeadLetterMessage): string {
  const header = (name: string) => String(message.headers[name]);
  return `${header(DeadLetterHeaders.originalTopic)}/${header(DeadLetterHeaders.originalPartition)}@${header(DeadLetterHeaders.originalOffset)}`;
}

function valueBytes(message: DeadLetterMessage): number {
  return message.value === null ? 0 : Buffer.byteLength(message.value);
}
