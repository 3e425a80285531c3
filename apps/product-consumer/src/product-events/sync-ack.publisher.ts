import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { SYNC_ACKS_TOPIC, toSyncAckMessage, type SyncAck } from '@nestjs-kafka-sync/contracts';
import { KafkaClients, type ResilientProducer } from '@nestjs-kafka-sync/kafka-kit';
import { kafkaConfig } from '../config/kafka.config.js';
import { boundedKafka } from './bounded-kafka.js';

/** Tells api-service what the replica did with each event, on `product.sync-acks`. */
@Injectable()
export class SyncAckPublisher implements OnApplicationShutdown {
  private readonly producer: ResilientProducer;

  constructor(clients: KafkaClients, @Inject(kafkaConfig.KEY) kafka: ConfigType<typeof kafkaConfig>) {
    this.producer = clients.resilientProducer(boundedKafka(clients, kafka.consumer.sessionTimeoutMs, 'acks'));
  }

  async publish(...acks: SyncAck[]): Promise<void> {
    if (acks.length > 0) await this.producer.send({ topic: SYNC_ACKS_TOPIC, messages: acks.map(toSyncAckMessage) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
    Logger.log('sync-acks producer closed', SyncAckPublisher.name); // the shutdown order (e2e consumer-group test) reads it
  }
}
