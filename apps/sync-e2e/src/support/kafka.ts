import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { e2eEnv } from './env.js';
import { eventually } from './eventually.js';

const kafka = new Kafka({ clientId: 'sync-e2e', brokers: e2eEnv.kafkaBrokers, logLevel: logLevel.WARN });

/**
 * Moves the test consumer group to the end of the topic, so records of earlier runs are not
 * replayed. Waits out a member of an aborted run until its session expires.
 */
export async function skipToEndOfTopic(): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Explicit high watermarks: kafkajs' resetOffsets commits -1, which a consumer with fromBeginning reads as "from the start".
    const ends = await admin.fetchTopicOffsets(PRODUCT_EVENTS_TOPIC);
    const partitions = ends.map(({ partition, high }) => ({ partition, offset: high }));
    await eventually(() => admin.setOffsets({ groupId: e2eEnv.consumerGroupId, topic: PRODUCT_EVENTS_TOPIC, partitions }), {
      timeoutMs: 60_000,
      intervalMs: 1000,
    });
  } finally {
    await admin.disconnect();
  }
}

/** Writes records straight to the topic, bypassing the outbox: how a buggy or foreign producer would. */
export async function produceRaw(messages: { partition: number; key: string; value: string | null }[]): Promise<void> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic: PRODUCT_EVENTS_TOPIC, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}
