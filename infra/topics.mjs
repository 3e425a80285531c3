// The topics the project owns, created (or brought in line) on any cluster: `node infra/topics.mjs [brokers]`.
import { pathToFileURL } from 'node:url';
import kafkajs from 'kafkajs';
import { log } from './run.mjs';

/**
 * product.events is compacted: Kafka keeps at least the latest event of every product for good,
 * so a new replica can be built from the topic alone (npm run rebuild-catalog). Deletes are
 * ordinary `product.deleted` events, not null-value tombstones, so compaction never drops them:
 * a rebuild always learns that a product is gone. min.compaction.lag.ms keeps every version for
 * an hour first, for consumers that are briefly behind.
 * Several partitions give parallelism; per-product order relies on the key.
 */
const TOPICS = [
  {
    topic: 'product.events',
    numPartitions: 3,
    configEntries: [
      { name: 'cleanup.policy', value: 'compact' },
      { name: 'min.compaction.lag.ms', value: String(60 * 60 * 1000) },
    ],
  },
  // Acks only matter until api-service has read them: a week, Kafka's default retention.
  { topic: 'product.sync-acks', numPartitions: 3, configEntries: [{ name: 'cleanup.policy', value: 'delete' }] },
  // Dead letters wait for a person: kept four weeks, not compacted (every failure is its own record).
  {
    topic: 'product.events.dlq',
    numPartitions: 1,
    configEntries: [
      { name: 'cleanup.policy', value: 'delete' },
      { name: 'retention.ms', value: String(28 * 24 * 60 * 60 * 1000) },
    ],
  },
];

/**
 * Replication follows the cluster's size: one copy on a single broker; on three or more brokers
 * three copies, of which two must have a write before it is acknowledged (min.insync.replicas 2
 * with the producers' acks=all), so one broker may stop without refusing or losing a write.
 * KAFKA_REPLICATION_FACTOR overrides the factor.
 */
export function replicationFor(brokerCount) {
  const replicationFactor = Number(process.env.KAFKA_REPLICATION_FACTOR ?? Math.min(brokerCount, 3));
  return { replicationFactor, minInsyncReplicas: replicationFactor >= 3 ? 2 : 1 };
}

export async function ensureTopics(brokers) {
  const kafka = new kafkajs.Kafka({
    clientId: 'nestjs-kafka-sync-infra',
    brokers: brokers.split(','),
    logLevel: kafkajs.logLevel.WARN,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { brokers: members } = await admin.describeCluster();
    const { replicationFactor, minInsyncReplicas } = replicationFor(members.length);
    // Only a replicated topic gets the setting; a single broker's topics stay exactly as before.
    const configEntries = (t) => [
      ...t.configEntries,
      ...(replicationFactor > 1 ? [{ name: 'min.insync.replicas', value: String(minInsyncReplicas) }] : []),
    ];
    const existing = new Set(await admin.listTopics());
    const missing = TOPICS.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({ ...t, configEntries: configEntries(t), replicationFactor })),
      });
      const replication =
        replicationFactor > 1
          ? `, replication factor ${replicationFactor}, min.insync.replicas ${minInsyncReplicas}`
          : '';
      log(
        `created topics ${missing.map((t) => `${t.topic} (${t.numPartitions} partitions${replication})`).join(', ')}`,
      );
    }
    // Topics made by an earlier version of this script get the current settings too.
    await admin.alterConfigs({
      validateOnly: false,
      resources: TOPICS.map((t) => ({
        type: kafkajs.ConfigResourceTypes.TOPIC,
        name: t.topic,
        configEntries: configEntries(t),
      })),
    });
    // The replication factor of an existing topic is not changed here (that is a reassignment); say so.
    const { topics } = await admin.fetchTopicMetadata({ topics: TOPICS.map((t) => t.topic) });
    for (const { name, partitions } of topics) {
      const fewest = Math.min(...partitions.map((p) => p.replicas.length));
      if (fewest < replicationFactor)
        log(
          `warning: ${name} has partitions with ${fewest} replica(s), fewer than ${replicationFactor} (${members.length} brokers); recreate it to replicate it`,
        );
    }
  } finally {
    await admin.disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await ensureTopics(process.argv[2] ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092');
}
