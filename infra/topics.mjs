import kafkajs from 'kafkajs';
import { log } from './run.mjs';

/** The topics the project owns. Per-product order relies on the key, so there are several partitions. */
const TOPICS = [
  { topic: 'product.events', numPartitions: 3 },
  { topic: 'product.sync-acks', numPartitions: 3 },
];

export async function ensureTopics(brokers) {
  const replicationFactor = Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1);
  const kafka = new kafkajs.Kafka({ clientId: 'nestjs-kafka-sync-infra', brokers: brokers.split(','), logLevel: kafkajs.logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = TOPICS.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({ waitForLeaders: true, topics: missing.map((t) => ({ ...t, replicationFactor })) });
      log(`created topics ${missing.map((t) => `${t.topic} (${t.numPartitions} partitions)`).join(', ')}`);
    }
  } finally {
    await admin.disconnect();
  }
}
