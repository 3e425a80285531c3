import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DEAD_LETTER_TOPIC, PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { consumerGroupLag, KafkaClients } from '@nestjs-kafka-sync/kafka-kit';
import { logLevel, type Admin } from 'kafkajs';
import { kafkaConfig } from '../config/kafka.config.js';
import { viewConfig } from '../config/view.config.js';
import { partitionRows, type PartitionRow } from './partition-rows.js';

export interface KafkaFiguresReport {
  partitions: PartitionRow[];
  lag: { catalog: number; view: number };
  /** Records on the dead-letter topic (still held by its retention). */
  deadLetters: number;
}

/** Offsets and lag of product.events for both groups, from one admin connection kept open between ticks. */
@Injectable()
export class KafkaFigures implements OnModuleDestroy {
  private admin?: Promise<Admin>;

  constructor(
    private readonly clients: KafkaClients,
    @Inject(kafkaConfig.KEY) private readonly kafka: ConfigType<typeof kafkaConfig>,
    @Inject(viewConfig.KEY) private readonly view: ConfigType<typeof viewConfig>,
  ) {}

  async report(): Promise<KafkaFiguresReport> {
    try {
      const admin = await (this.admin ??= this.connect());
      const [catalog, mine, dlq] = await Promise.all([
        consumerGroupLag(admin, PRODUCT_EVENTS_TOPIC, this.view.catalogGroupId),
        consumerGroupLag(admin, PRODUCT_EVENTS_TOPIC, this.kafka.consumer.groupId),
        admin.fetchTopicOffsets(DEAD_LETTER_TOPIC),
      ]);
      return {
        partitions: partitionRows(catalog, mine),
        lag: { catalog: catalog.total, view: mine.total },
        deadLetters: dlq.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0),
      };
    } catch (error) {
      await this.onModuleDestroy(); // reconnect on the next tick: the broker may be back by then
      throw error;
    }
  }

  async onModuleDestroy(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await (await admin?.catch(() => undefined))?.disconnect().catch(() => undefined);
  }

  private async connect(): Promise<Admin> {
    // Fail fast: the page must keep answering while Kafka is down, and say so.
    const tuning = { connectionTimeout: 2000, requestTimeout: 5000, retry: { retries: 0 }, logLevel: logLevel.NOTHING };
    const admin = this.clients.client('status', tuning).admin();
    await admin.connect();
    // Seen here with kafkajs 2.2.4 and no retries: the first parallel calls of a new admin fail with
    // "No brokers in the broker pool" (concurrent first metadata refreshes). One look-up first avoids it.
    await admin.fetchTopicMetadata({ topics: [PRODUCT_EVENTS_TOPIC, DEAD_LETTER_TOPIC] });
    return admin;
  }
}
