import type { Kafka } from 'kafkajs';

/** How many partitions a topic has, looked up once per topic (a topic's partitions are only ever added to, by an operator). */
export function partitionCounter(kafka: Kafka): (topic: string) => Promise<number> {
  const counts = new Map<string, Promise<number>>();
  return (topic) => {
    let count = counts.get(topic);
    if (!count) {
      count = lookUpPartitionCount(kafka, topic);
      counts.set(topic, count);
      count.catch(() => counts.delete(topic)); // a failed look-up is tried again next time
    }
    return count;
  };
}

async function lookUpPartitionCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    return metadata.partitions.length;
  } finally {
    await admin.disconnect();
  }
}
