import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { KafkaLogger } from '@nestjs/microservices';
import { PRODUCT_EVENTS_TOPIC, toProductEventMessage, type ProductEvent } from '@nestjs-kafka-sync/contracts';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import type { Env } from '../config/env.schema.js';

/**
 * Publishes product events with an idempotent producer: acks from all in-sync replicas, one
 * request in flight, so a retried send can neither duplicate nor reorder a partition's records.
 */
@Injectable()
export class ProductEventPublisher implements OnApplicationShutdown {
  private readonly producer: Producer;
  private connected = false;

  constructor(config: ConfigService<Env, true>) {
    const kafka = new Kafka({
      clientId: config.get('KAFKA_CLIENT_ID', { infer: true }),
      brokers: config.get('KAFKA_BROKERS', { infer: true }),
      logCreator: KafkaLogger.bind(null, new Logger('kafkajs')),
    });
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // murmur2, as Java clients use: a product id maps to the same partition from any client.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.producer.on(this.producer.events.DISCONNECT, () => (this.connected = false));
  }

  /** Resolves once every event is acknowledged by all in-sync replicas; rejects if any is not. */
  async publish(events: ProductEvent[]): Promise<void> {
    if (!this.connected) {
      await this.producer.connect();
      this.connected = true;
    }
    await this.producer.send({ topic: PRODUCT_EVENTS_TOPIC, acks: -1, messages: events.map(toProductEventMessage) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}
