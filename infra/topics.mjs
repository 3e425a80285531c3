// The topics the project owns, created (or brought in line) on any cluster: `node infra/topics.mjs [brokers]`.
// Names, partitions, settings and the replication rule come from libs/contracts (built first).
import { pathToFileURL } from 'node:url';
import { replicationFor, TOPICS } from '@nestjs-kafka-sync/contracts';
import { kafkaSecurityFromEnv } from '@nestjs-kafka-sync/kafka-kit';
import kafkajs from 'kafkajs';
import { log } from './run.mjs';

/**
 * The replication for a cluster of this many brokers; KAFKA_REPLICATION_FACTOR overrides the factor
 * (infra/kafka/replication.mjs gives kafka.sh the same answer for the brokers' own defaults).
 * @param {number} brokerCount
 */
export function clusterReplication(brokerCount) {
  const factor = process.env.KAFKA_REPLICATION_FACTOR;
  return replicationFor(brokerCount, factor ? Number(factor) : undefined);
}

/**
 * A topic's settings as Kafka's admin API takes them. Only a replicated topic gets
 * min.insync.replicas: a single broker's topics stay exactly as before.
 * @param {import('@nestjs-kafka-sync/contracts').TopicDefinition} topic
 * @param {import('@nestjs-kafka-sync/contracts').Replication} replication
 */
function configEntries(topic, { replicationFactor, minInsyncReplicas }) {
  const config = { ...topic.config };
  if (replicationFactor > 1) config['min.insync.replicas'] = String(minInsyncReplicas);
  return Object.entries(config).map(([name, value]) => ({ name, value }));
}

/**
 * @param {string} brokers comma-separated host:port
 * @param {import('@nestjs-kafka-sync/kafka-kit').KafkaSecurity} [security] TLS/SASL; default: from KAFKA_SSL, KAFKA_SASL_* as the apps take them
 */
export async function ensureTopics(brokers, security = kafkaSecurityFromEnv()) {
  const kafka = new kafkajs.Kafka({
    clientId: 'nestjs-kafka-sync-infra',
    brokers: brokers.split(','),
    logLevel: kafkajs.logLevel.WARN,
    ...security,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { brokers: members } = await admin.describeCluster();
    const replication = clusterReplication(members.length);
    const { replicationFactor, minInsyncReplicas } = replication;
    const existing = new Set(await admin.listTopics());
    const missing = TOPICS.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.topic,
          numPartitions: t.numPartitions,
          replicationFactor,
          configEntries: configEntries(t, replication),
        })),
      });
      const replicated =
        replicationFactor > 1
          ? `, replication factor ${replicationFactor}, min.insync.replicas ${minInsyncReplicas}`
          : '';
      log(`created topics ${missing.map((t) => `${t.topic} (${t.numPartitions} partitions${replicated})`).join(', ')}`);
    }
    // Topics made by an earlier version of this script get the current settings too.
    await admin.alterConfigs({
      validateOnly: false,
      resources: TOPICS.map((t) => ({
        type: kafkajs.ConfigResourceTypes.TOPIC,
        name: t.topic,
        configEntries: configEntries(t, replication),
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
