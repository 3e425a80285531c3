import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PRODUCT_EVENTS_TOPIC, toProductEventMessage, type ProductEvent } from '@nestjs-kafka-sync/contracts';
import { KafkaClients, type ResilientProducer } from '@nestjs-kafka-sync/kafka-kit';

/** Publishes product events with an idempotent producer (see createIdempotentProducer). */
@Injectable()
export class ProductEventPublisher implements OnApplicationShutdown {
  private readonly producer: ResilientProducer;

  constructor(clients: KafkaClients) {
    this.producer = clients.resilientProducer(clients.client());
  }

  /** Resolves once every event is acknowledged by all in-sync replicas; rejects if any is not. */
  async publish(events: ProductEvent[]): Promise<void> {
    await this.producer.send({ topic: PRODUCT_EVENTS_TOPIC, messages: events.map(toProductEventMessage) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}
