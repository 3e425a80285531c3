import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SYNC_ACKS_TOPIC, toSyncAckMessage, type SyncAck } from '@nestjs-kafka-sync/contracts';
import { createIdempotentProducer, partitionCounter, ResilientProducer } from '@nestjs-kafka-sync/service-kit';
import type { Env } from '../config/env.schema.js';
import { boundedKafka } from './bounded-kafka.js';

/** Tells api-service what the replica did with each event, on `product.sync-acks`. */
@Injectable()
export class SyncAckPublisher implements OnApplicationShutdown {
  private readonly producer: ResilientProducer;

  constructor(config: ConfigService<Env, true>) {
    const kafka = boundedKafka(config, 'acks');
    this.producer = new ResilientProducer(() => createIdempotentProducer(kafka), partitionCounter(kafka));
  }

  async publish(...acks: SyncAck[]): Promise<void> {
    if (acks.length > 0) await this.producer.send({ topic: SYNC_ACKS_TOPIC, messages: acks.map(toSyncAckMessage) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
    Logger.log('sync-acks producer closed', SyncAckPublisher.name); // the shutdown order (e2e consumer-group test) reads it
  }
}
