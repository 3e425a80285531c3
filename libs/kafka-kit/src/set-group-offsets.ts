import type { Kafka } from 'kafkajs';

/**
 * `admin.setOffsets` without its 5 s pause. kafkajs commits a group's offsets through a consumer that joins the
 * group with every partition paused and seeks, then stops at its first FETCH event (src/admin/index.js); a
 * consumer with nothing to fetch sleeps `maxWaitTimeInMs` before that event (consumerGroup.js, `sleep(this
 * .maxWaitTime)`), 5 s by default, and setOffsets gives no way to change it. The same steps with a short wait,
 * done when the group's committed offsets read back as asked (a fetch, and its FETCH event, is per broker: the
 * first one may come before another broker's partitions were sought). Like setOffsets, it refuses a group that
 * has running members.
 */
export async function setGroupOffsets(
  kafka: Kafka,
  target: { groupId: string; topic: string; partitions: { partition: number; offset: string }[] },
): Promise<void> {
  const { groupId, topic, partitions } = target;
  const admin = kafka.admin();
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50, allowAutoTopicCreation: false });
  const committed = async () => {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const now = new Map(offsets.partitions.map((p) => [p.partition, p.offset]));
    return partitions.every(({ partition, offset }) => now.get(partition) === offset);
  };
  await Promise.all([admin.connect(), consumer.connect()]);
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    const { state } = await consumer.describeGroup();
    if (!['Empty', 'Dead'].includes(state))
      throw new Error(`consumer group ${groupId} must have no running members to move its offsets (it is ${state})`);
    await new Promise<void>((resolve, reject) => {
      // One read-back at a time, none after the last: one still running would reconnect the admin after its
      // disconnect below, and that open connection would keep the process from exiting.
      let checking = false;
      const stopListening = consumer.on(consumer.events.FETCH, () => {
        if (checking) return;
        checking = true;
        committed()
          .then((done) => {
            checking = false;
            if (!done) return;
            stopListening();
            resolve();
          })
          .catch(reject);
      });
      // Seeks are committed once the consumer has joined (autoCommit), each at its broker's first fetch.
      consumer.run({ eachBatchAutoResolve: false, eachBatch: async () => undefined }).catch(reject);
      consumer.pause([{ topic }]);
      for (const { partition, offset } of partitions) consumer.seek({ topic, partition, offset });
    });
  } finally {
    await Promise.all([consumer.disconnect(), admin.disconnect()]);
  }
}
