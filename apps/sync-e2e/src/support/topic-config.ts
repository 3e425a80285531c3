import { SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { ConfigResourceTypes } from 'kafkajs';
import { withAdmin } from './kafka.js';

type ConfigEntry = { name: string; value: string };

/** kafkajs has only the non-incremental AlterConfigs: the entries given replace all of the topic's own. */
const setTopicConfig = (name: string, configEntries: ConfigEntry[]) =>
  withAdmin((admin) =>
    admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name, configEntries }],
    }),
  );

/**
 * Sets a topic's max.message.bytes to `bytes`, keeping its other settings, until the returned function
 * restores the topic's own settings.
 */
export async function limitTopicMessageBytes(topic: string, bytes: number): Promise<() => Promise<void>> {
  const own = await withAdmin(async (admin) => {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
    });
    return (
      resources[0].configEntries
        // DYNAMIC_TOPIC_CONFIG: set on the topic. Never the limit itself, should an aborted run have left it behind.
        .filter((entry) => entry.configSource === 1 && entry.configName !== 'max.message.bytes')
        .map((entry): ConfigEntry => ({ name: entry.configName, value: entry.configValue }))
    );
  });
  await setTopicConfig(topic, [...own, { name: 'max.message.bytes', value: String(bytes) }]);
  return () => setTopicConfig(topic, own).then(() => undefined);
}

/**
 * Makes the broker refuse every ack (product.sync-acks' max.message.bytes set to 1: each produce
 * request is answered MESSAGE_TOO_LARGE) until the returned function restores the topic's own
 * settings. How a test keeps a record applied but not acknowledged, hence not committed, in a
 * consumer's hands, with no hook in the consumer.
 */
export function refuseAcks(): Promise<() => Promise<void>> {
  return limitTopicMessageBytes(SYNC_ACKS_TOPIC, 1);
}
