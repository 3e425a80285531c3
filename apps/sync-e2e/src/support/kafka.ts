import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { e2eEnv } from './env.js';

const kafka = new Kafka({ clientId: 'sync-e2e', brokers: e2eEnv.kafkaBrokers, logLevel: logLevel.WARN });

/** Moves the test consumer group to the end of the topic, so records of earlier runs are not replayed. */
export async function skipToEndOfTopic(): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.resetOffsets({ groupId: e2eEnv.consumerGroupId, topic: PRODUCT_EVENTS_TOPIC, earliest: false });
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
