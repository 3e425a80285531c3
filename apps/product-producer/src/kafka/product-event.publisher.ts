import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  PRODUCT_EVENTS_TOPIC,
  toProductEventMessage,
  type ProductEvent,
  type ProductEventMessage,
} from '@nestjs-kafka-sync/contracts';
import { KafkaClients, partitionCounter, type ResilientProducer } from '@nestjs-kafka-sync/kafka-kit';
import { Partitioners } from 'kafkajs';
import { ProductEventsByteLimit } from './product-events-byte-limit.js';
import { recordBytes } from './record-bytes.js';
import { classifySendFailure } from './send-failure.js';
import { splitByBytes } from './split-by-bytes.js';

/** An event no request can carry to product.events, and why: the relay parks it instead of retrying it forever. */
export interface Unpublishable {
  eventId: string;
  reason: string;
}

/** An event and the headers that carry its trace context (`traceparent`) to the consumer. */
export interface TracedEvent {
  event: ProductEvent;
  trace: Record<string, string>;
}

interface Outgoing {
  eventId: string;
  message: ProductEventMessage;
  bytes: number;
}

/** Publishes product events with an idempotent producer (see createIdempotentProducer), in requests the topic accepts. */
@Injectable()
export class ProductEventPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(ProductEventPublisher.name);
  private readonly producer: ResilientProducer;
  private readonly partitions: (topic: string) => Promise<number>;

  constructor(
    clients: KafkaClients,
    private readonly limit: ProductEventsByteLimit,
  ) {
    const kafka = clients.client();
    this.producer = clients.resilientProducer(kafka);
    this.partitions = partitionCounter(kafka);
  }

  /**
   * Resolves once every event is acknowledged by all in-sync replicas, except those returned: events too
   * large for the topic even alone. Rejects if any other is not acknowledged. Each partition's events go
   * in order, in requests within the topic's max.message.bytes.
   */
  async publish(events: TracedEvent[]): Promise<Unpublishable[]> {
    const [limit, partitionCount] = await Promise.all([this.limit.bytes(), this.partitions(PRODUCT_EVENTS_TOPIC)]);
    const partitionOf = partitioner(partitionCount);
    const sized = events.map(({ event, trace }) => {
      const message = toProductEventMessage(event, trace);
      const item: Outgoing = { eventId: event.eventId, message, bytes: recordBytes(message) };
      return { item, partition: partitionOf(message.key), bytes: item.bytes };
    });
    const { chunks, oversized } = splitByBytes(sized, limit);
    const refused = oversized.map(({ item }) => tooLarge(item, `over the ${limit} bytes product.events accepts`));
    for (const { partition, items } of chunks) refused.push(...(await this.send(partition, items)));
    return refused;
  }

  /**
   * One request. Refused for its size although the split kept it under the limit the relay knew (the
   * topic's limit was lowered since): read the limit again, and send the records one by one, so only a
   * record too large alone is refused, and the partition's order holds.
   */
  private async send(partition: number, items: Outgoing[]): Promise<Unpublishable[]> {
    try {
      const messages = items.map(({ message }) => ({ ...message, partition }));
      await this.producer.send({ topic: PRODUCT_EVENTS_TOPIC, messages });
      return [];
    } catch (error) {
      if (classifySendFailure(error) !== 'too-large') throw error;
      this.limit.forget();
      if (items.length === 1) return [tooLarge(items[0], `refused by the broker (${(error as Error).message})`)];
      this.logger.warn(`product.events refused ${items.length} records as too large together; sending one by one`);
      const refused: Unpublishable[] = [];
      for (const item of items) refused.push(...(await this.send(partition, [item])));
      return refused;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}

const tooLarge = (item: Outgoing, why: string): Unpublishable => ({
  eventId: item.eventId,
  reason: `record of ${item.bytes} bytes ${why}`,
});

/** The partition of a key: what kafkajs' DefaultPartitioner (murmur2, like Java clients) chooses. */
function partitioner(count: number): (key: string) => number {
  const choose = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: count }, (_, partitionId) => ({
    partitionId,
    leader: 0,
    replicas: [],
    isr: [],
    partitionErrorCode: 0,
  }));
  return (key) => choose({ topic: PRODUCT_EVENTS_TOPIC, partitionMetadata, message: { key, value: null } });
}
