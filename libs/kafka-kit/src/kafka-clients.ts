import { Inject, Injectable } from '@nestjs/common';
import type { CustomStrategy, KafkaOptions } from '@nestjs/microservices';
import { BatchServerKafka } from './batch-server-kafka.js';
import type { Kafka } from 'kafkajs';
import { createIdempotentProducer } from './idempotent-producer.js';
import { createKafka, type KafkaClientTuning } from './kafka-client.js';
import { kafkaConsumerOptions } from './kafka-consumer-options.js';
import type { KafkaSettings } from './kafka-settings.js';
import { partitionCounter } from './partition-counter.js';
import { ResilientProducer } from './resilient-producer.js';

/** Injection token of the app's KafkaSettings (KafkaModule.forRootAsync provides it). */
export const KAFKA_SETTINGS = Symbol('KAFKA_SETTINGS');

/**
 * Where an app gets every Kafka client, producer and consumer it uses: all are made from the one
 * KafkaSettings of the app, so connection security and instrumentation are added here once.
 */
@Injectable()
export class KafkaClients {
  constructor(@Inject(KAFKA_SETTINGS) readonly settings: KafkaSettings) {}

  /** A kafkajs client; `purpose` suffixes the client id (`<clientId>-acks`), so the brokers' logs tell uses apart. */
  client(purpose?: string, tuning?: KafkaClientTuning): Kafka {
    return createKafka(this.settings, purpose, tuning);
  }

  /** An idempotent producer on `kafka` that survives failures, one partition per request (see ResilientProducer). */
  resilientProducer(kafka: Kafka): ResilientProducer {
    return new ResilientProducer(() => createIdempotentProducer(kafka), partitionCounter(kafka));
  }

  /** The app's Nest Kafka microservice (app.connectMicroservice), in the group its settings name. */
  consumerOptions(): KafkaOptions {
    if (!this.settings.consumer) throw new Error(`Kafka settings of ${this.settings.clientId} name no consumer group`);
    return kafkaConsumerOptions(this.settings, this.settings.consumer);
  }

  /**
   * The same microservice, handing each handler one partition's batch at a time (BatchServerKafka),
   * up to `partitionsConcurrently` partitions at once.
   */
  batchConsumerOptions(partitionsConcurrently: number): CustomStrategy {
    const { options } = this.consumerOptions();
    return { strategy: new BatchServerKafka(options ?? {}, partitionsConcurrently) };
  }
}
