import { DEAD_LETTER_TOPIC } from '@nestjs-kafka-sync/contracts';
import kafkajs, { type Kafka } from 'kafkajs';

// kafkajs is CommonJS, and Node's ESM loader does not see ConfigResourceTypes among its named exports.
const { ConfigResourceTypes } = kafkajs;

/** Kafka's default max.message.bytes (topic) and message.max.bytes (broker): what applies when the topic says nothing. */
export const KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

/**
 * The largest record batch the dead-letter topic accepts, as the broker says now (its effective
 * max.message.bytes: the topic's own, else the broker's). Read when first needed and again after the
 * broker refused a dead letter's size, since an operator may change it at any time.
 */
export class DeadLetterLimit {
  private known?: number;

  constructor(private readonly kafka: Kafka) {}

  async bytes(): Promise<number> {
    return (this.known ??= await this.describe());
  }

  /** The broker refused a size this limit allowed: it changed, read it again next time. */
  forget(): void {
    this.known = undefined;
  }

  private async describe(): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { resources } = await admin.describeConfigs({
        resources: [{ type: ConfigResourceTypes.TOPIC, name: DEAD_LETTER_TOPIC, configNames: ['max.message.bytes'] }],
        includeSynonyms: false,
      });
      const value = Number(resources[0]?.configEntries.find((e) => e.configName === 'max.message.bytes')?.configValue);
      return Number.isInteger(value) && value > 0 ? value : KAFKA_DEFAULT_MAX_MESSAGE_BYTES;
    } finally {
      await admin.disconnect();
    }
  }
}
