import { Logger } from '@nestjs/common';
import { KafkaLogger } from '@nestjs/microservices';
import { Kafka, Partitioners, type KafkaConfig, type Producer, type ProducerRecord } from 'kafkajs';

/** A kafkajs client that logs through Nest's logger. */
export function createKafka(clientId: string, brokers: string[], options: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({ clientId, brokers, logCreator: KafkaLogger.bind(null, new Logger('kafkajs')), ...options });
}

/**
 * An idempotent producer: acks from all in-sync replicas, one request in flight, so a retried
 * send can neither duplicate nor reorder a partition's records. Partitions by murmur2 like Java
 * clients, so a key maps to the same partition from any client.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

/**
 * Sends through an idempotent producer that survives failures: it connects on first use (a broker
 * that is down at boot does not stop the app), and after any failed send it throws the producer
 * away and makes a new one. kafkajs keeps a failed producer's id and sequence numbers, which the
 * broker can then refuse for good (OUT_OF_ORDER_SEQUENCE_NUMBER, UNKNOWN_PRODUCER_ID); a new
 * producer id starts clean, and what the retry re-sends is a duplicate the consumer's version
 * check absorbs.
 */
export class ResilientProducer {
  private current?: Promise<Producer>;

  constructor(private readonly create: () => Producer) {}

  async send(record: ProducerRecord): Promise<void> {
    const used = (this.current ??= this.connect());
    try {
      await (await used).send({ ...record, acks: -1 });
    } catch (error) {
      if (this.current === used) await this.discard(); // not one a concurrent send made meanwhile
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    await this.discard();
  }

  private async connect(): Promise<Producer> {
    const producer = this.create();
    try {
      await producer.connect();
      return producer;
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private async discard(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    const producer = await current?.catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
  }
}
