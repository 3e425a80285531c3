import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

/** Deletes product.events and creates it again with the project's settings: a topic holding only this test's events. */
export async function recreateProductEventsTopic(): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if ((await admin.listTopics()).includes(PRODUCT_EVENTS_TOPIC)) await admin.deleteTopics({ topics: [PRODUCT_EVENTS_TOPIC] });
    // Deletion completes in the background; creation fails until it has.
    await eventually(() => runTopicsScript(), { timeoutMs: 60_000, intervalMs: 1000 });
    await eventually(async () => {
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [PRODUCT_EVENTS_TOPIC] })).topics;
      if (metadata.partitions.some((p) => p.leader < 0)) throw new Error('no leader yet');
    });
  } finally {
    await admin.disconnect();
  }
}

function runTopicsScript(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [fileURLToPath(new URL('../../../../infra/topics.mjs', import.meta.url)), e2eEnv.kafkaBrokers.join(',')], (error, _out, stderr) =>
      error ? reject(new Error(`infra/topics.mjs failed: ${stderr}`)) : resolve(),
    );
  });
}

/** How many records of product.events the test consumer group has not committed yet. */
export async function liveGroupLag(): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [ends, [committed]] = await Promise.all([
      admin.fetchTopicOffsets(PRODUCT_EVENTS_TOPIC),
      admin.fetchOffsets({ groupId: e2eEnv.consumerGroupId, topics: [PRODUCT_EVENTS_TOPIC] }),
    ]);
    return ends.reduce((lag, { partition, high }) => {
      const offset = Number(committed.partitions.find((p) => p.partition === partition)?.offset ?? -1);
      return lag + Number(high) - Math.max(offset, 0);
    }, 0);
  } finally {
    await admin.disconnect();
  }
}
