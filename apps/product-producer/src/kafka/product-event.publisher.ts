import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PRODUCT_EVENTS_TOPIC, toProductEventMessage, type ProductEvent } from '@nestjs-kafka-sync/contracts';
import {
  createIdempotentProducer,
  createKafka,
  partitionCounter,
  ResilientProducer,
} from '@nestjs-kafka-sync/service-kit';
import type { Env } from '../config/env.schema.js';

/** Publishes product events with an idempotent producer (see createIdempotentProducer). */
@Injectable()
export class ProductEventPublisher implements OnApplicationShutdown {
  private readonly producer: ResilientProducer;

  constructor(config: ConfigService<Env, true>) {
    const kafka = createKafka(
      config.get('KAFKA_CLIENT_ID', { infer: true }),
      config.get('KAFKA_BROKERS', { infer: true }),
    );
    this.producer = new ResilientProducer(() => createIdempotentProducer(kafka), partitionCounter(kafka));
  }

  /** Resolves once every event is acknowledged by all in-sync replicas; rejects if any is not. */
  async publish(events: ProductEvent[]): Promise<void> {
    await this.producer.send({ topic: PRODUCT_EVENTS_TOPIC, messages: events.map(toProductEventMessage) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}
