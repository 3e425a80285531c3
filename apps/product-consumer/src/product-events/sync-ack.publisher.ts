import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { SYNC_ACKS_TOPIC, toSyncAckMessage, type SyncAck } from '@nestjs-kafka-sync/contracts';
import { KafkaClients, type ResilientProducer } from '@nestjs-kafka-sync/kafka-kit';
import { kafkaConfig } from '../config/kafka.config.js';
import { boundedKafka } from './bounded-kafka.js';

/** An ack and the W3C trace headers (`traceparent`) it carries on: those of the event's apply span. */
export interface TracedAck {
  ack: SyncAck;
  trace: Record<string, string>;
}

/** Tells api-service what the replica did with each event, on `product.sync-acks`. */
@Injectable()
export class SyncAckPublisher implements OnApplicationShutdown {
  private readonly producer: ResilientProducer;

  constructor(clients: KafkaClients, @Inject(kafkaConfig.KEY) kafka: ConfigType<typeof kafkaConfig>) {
    this.producer = clients.resilientProducer(boundedKafka(clients, kafka.consumer.sessionTimeoutMs, 'acks'));
  }

  /** Connects the producer ahead of the first ack (a rebuild's first batch would otherwise wait for it). */
  warmUp(): Promise<void> {
    return this.producer.warmUp();
  }

  async publish(...acks: SyncAck[]): Promise<void> {
    await this.send(acks.map((ack) => ({ ack, trace: {} })));
  }

  /** Each ack with the trace context of the event it acknowledges, as its record's headers. */
  async send(acks: TracedAck[]): Promise<void> {
    if (acks.length === 0) return;
    await this.producer.send({
      topic: SYNC_ACKS_TOPIC,
      messages: acks.map(({ ack, trace }) => toSyncAckMessage(ack, trace)),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
    Logger.log('sync-acks producer closed', SyncAckPublisher.name); // the shutdown order (e2e consumer-group test) reads it
  }
}
