import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { KafkaClients } from '@nestjs-kafka-sync/kafka-kit';
import kafkajs, { type Admin, type Kafka } from 'kafkajs';
import { outboxConfig } from '../config/outbox.config.js';
import { batchByteLimit } from './batch-byte-limit.js';

// kafkajs is CommonJS and Node's ESM loader does not see this enum as a named export.
const { ConfigResourceTypes } = kafkajs;

/**
 * How large a record batch product.events accepts, read from the cluster on first use and again after the
 * broker refused a size (an operator may lower max.message.bytes at any time). Reading needs DESCRIBE_CONFIGS
 * on the topic (infra/kafka/secure-acls.mjs); a refused read falls back to the broker's, then Kafka's default.
 */
@Injectable()
export class ProductEventsByteLimit {
  private readonly logger = new Logger(ProductEventsByteLimit.name);
  private readonly kafka: Kafka;
  private current?: Promise<number>;

  constructor(
    clients: KafkaClients,
    @Inject(outboxConfig.KEY) private readonly outbox: ConfigType<typeof outboxConfig>,
  ) {
    this.kafka = clients.client('limits');
  }

  bytes(): Promise<number> {
    const current = (this.current ??= this.learn());
    current.catch(() => this.current === current && (this.current = undefined)); // unreachable: ask again next time
    return current;
  }

  /** The broker refused a size: read the limit again before the next send. */
  forget(): void {
    this.current = undefined;
  }

  private async learn(): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect(); // unreachable: throws, and the relay's attempt is retried like any send
    try {
      const topic = await readConfig(admin, ConfigResourceTypes.TOPIC, PRODUCT_EVENTS_TOPIC, 'max.message.bytes');
      const broker = topic === undefined ? await readBrokerConfig(admin, 'message.max.bytes') : undefined;
      const limit = batchByteLimit({ topic, broker, configured: this.outbox.maxBatchBytes });
      this.logger.log(`sending at most ${limit.bytes} bytes per partition request (${limit.source} limit)`);
      return limit.bytes;
    } finally {
      await admin.disconnect();
    }
  }
}

/** One config value as a number; undefined when it cannot be read (e.g. no DESCRIBE_CONFIGS right). */
async function readConfig(admin: Admin, type: kafkajs.ConfigResourceTypes, name: string, config: string) {
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type, name, configNames: [config] }],
    });
    const value = resources[0]?.configEntries.find((entry) => entry.configName === config)?.configValue;
    return value === undefined ? undefined : Number(value);
  } catch {
    return undefined;
  }
}

/** One config of any broker (they share it); undefined when it cannot be read. */
async function readBrokerConfig(admin: Admin, config: string) {
  try {
    const { brokers } = await admin.describeCluster();
    return await readConfig(admin, ConfigResourceTypes.BROKER, String(brokers[0]?.nodeId ?? 0), config);
  } catch {
    return undefined;
  }
}
