import {
  DEAD_LETTER_TOPIC,
  EventHeaders,
  PRODUCT_EVENTS_TOPIC,
  readDeadLetter,
  type DeadLetter,
} from '@nestjs-kafka-sync/contracts';
import { readTopicUpTo, setGroupOffsets } from '@nestjs-kafka-sync/kafka-kit';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { AssignerProtocol, Kafka, logLevel, Partitioners, type Admin, type KafkaMessage } from 'kafkajs';
import { e2eEnv } from './env.js';
import { eventually } from './eventually.js';
import { testKafkaEnv, testKafkaSecurity } from './secure-broker.js';

const kafka = new Kafka({
  clientId: 'sync-e2e',
  brokers: e2eEnv.kafkaBrokers,
  logLevel: logLevel.WARN,
  ...testKafkaSecurity,
});

/** Runs `use` with a connected admin client of the tests' own, disconnected afterwards whatever happens. */
export async function withAdmin<T>(use: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

/** api-service's ack group (the test stacks keep its default). */
export const SYNC_ACKS_GROUP_ID = process.env.SYNC_ACKS_GROUP_ID ?? 'api-service-sync-acks';

/**
 * Moves a consumer group (the test consumer group by default) to the end of a topic, so records of earlier
 * runs are not replayed. Waits out a member of an aborted run until its session expires.
 */
export async function skipToEndOfTopic(topic = PRODUCT_EVENTS_TOPIC, groupId = e2eEnv.consumerGroupId): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Explicit high watermarks: kafkajs' resetOffsets commits -1, which a consumer with fromBeginning reads as "from the start".
    const ends = await admin.fetchTopicOffsets(topic);
    const partitions = ends.map(({ partition, high }) => ({ partition, offset: high }));
    await eventually(() => setGroupOffsets(kafka, { groupId, topic, partitions }), {
      timeoutMs: 60_000,
      intervalMs: 1000,
    });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Writes records straight to the topic, bypassing the outbox: how a buggy or foreign producer would.
 * Without a partition a record goes where the apps' producer would put its key. Returns where each landed.
 */
export async function produceRaw(
  messages: { partition?: number; key: string; value: string | null; headers?: Record<string, string> }[],
): Promise<{ partition: number; offset: string }[]> {
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const landed = [];
    for (const message of messages) {
      const [metadata] = await producer.send({ topic: PRODUCT_EVENTS_TOPIC, acks: -1, messages: [message] });
      landed.push({ partition: metadata.partition, offset: metadata.baseOffset ?? '' });
    }
    return landed;
  } finally {
    await producer.disconnect();
  }
}

/** Deletes product.events and creates it again with the project's settings: a topic holding only this test's events. */
export async function recreateProductEventsTopic(): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if ((await admin.listTopics()).includes(PRODUCT_EVENTS_TOPIC))
      await admin.deleteTopics({ topics: [PRODUCT_EVENTS_TOPIC] });
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
    execFile(
      process.execPath,
      [fileURLToPath(new URL('../../../../infra/topics.mjs', import.meta.url)), e2eEnv.kafkaBrokers.join(',')],
      { env: { ...process.env, ...testKafkaEnv } },
      (error, _out, stderr) => (error ? reject(new Error(`infra/topics.mjs failed: ${stderr}`)) : resolve()),
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

/** Where each partition of a topic ends now: records written later have offsets from here on. */
export async function topicEnds(topic: string): Promise<Map<number, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
  } finally {
    await admin.disconnect();
  }
}

/** The records a topic received since `since` (from topicEnds), up to its current end. */
export async function recordsSince(
  topic: string,
  since: Map<number, bigint>,
): Promise<{ partition: number; message: KafkaMessage }[]> {
  const admin = kafka.admin();
  await admin.connect();
  const records: { partition: number; message: KafkaMessage }[] = [];
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const groupId = `sync-e2e-reader-${randomUUID()}`;
    await readTopicUpTo(kafka, { topic, groupId, ends }, async (partition, message) => {
      if (BigInt(message.offset) >= (since.get(partition) ?? 0n)) records.push({ partition, message });
    });
    await admin.deleteGroups([groupId]).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
  return records;
}

/**
 * A record's headers exactly as Kafka returns them, as text: nothing stripped. A name sent twice
 * in one record comes back as a list (kafkajs turns repeated header names into an array).
 */
export function rawHeaders(message: KafkaMessage): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(message.headers ?? {}).flatMap(([name, value]) => {
      if (value === undefined) return [];
      return [[name, Array.isArray(value) ? value.map((v) => v.toString()) : value.toString()]];
    }),
  );
}

/** The records of a topic since `since` (from topicEnds) whose key is `key`, in offset order per partition. */
export async function recordsWithKey(
  topic: string,
  since: Map<number, bigint>,
  key: string,
): Promise<{ partition: number; message: KafkaMessage }[]> {
  return (await recordsSince(topic, since)).filter(({ message }) => message.key?.toString() === key);
}

/** How many times each event id (the `event-id` header) appears on product.events since `since` (from topicEnds). */
export async function eventIdCounts(since: Map<number, bigint>): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  for (const { message } of await recordsSince(PRODUCT_EVENTS_TOPIC, since)) {
    const id = message.headers?.[EventHeaders.eventId]?.toString();
    if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  return seen;
}

/** The event id (the `event-id` header) of the record of product.events at a partition and offset. */
export async function eventIdAt(partition: number, offset: string): Promise<string> {
  const from = await topicEnds(PRODUCT_EVENTS_TOPIC); // nothing of the other partitions
  from.set(partition, BigInt(offset));
  const record = (await recordsSince(PRODUCT_EVENTS_TOPIC, from)).find(
    (r) => r.partition === partition && r.message.offset === offset,
  );
  const id = record?.message.headers?.[EventHeaders.eventId]?.toString();
  if (!id) throw new Error(`no event at ${PRODUCT_EVENTS_TOPIC}/${partition}@${offset}`);
  return id;
}

/** The partition of product.events a key goes to: what the apps' producers (murmur2, like Java clients) choose. */
export async function partitionOfKey(key: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [topic] = (await admin.fetchTopicMetadata({ topics: [PRODUCT_EVENTS_TOPIC] })).topics;
    return Partitioners.DefaultPartitioner()({
      topic: PRODUCT_EVENTS_TOPIC,
      partitionMetadata: topic.partitions,
      message: { key, value: null },
    });
  } finally {
    await admin.disconnect();
  }
}

/** Committed offset of the test consumer group per partition of product.events (-1: nothing committed). */
export async function committedOffsets(): Promise<Map<number, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId: e2eEnv.consumerGroupId, topics: [PRODUCT_EVENTS_TOPIC] });
    return new Map(committed.partitions.map((p) => [p.partition, BigInt(p.offset)]));
  } finally {
    await admin.disconnect();
  }
}

/** Dead letters written since `since` (from topicEnds(DEAD_LETTER_TOPIC)). */
export async function deadLettersSince(since: Map<number, bigint>): Promise<DeadLetter[]> {
  return (await recordsSince(DEAD_LETTER_TOPIC, since)).map(({ partition, message }) =>
    readDeadLetter({ partition, ...message }),
  );
}

/** The members of the test consumer group, with the partitions each holds. */
export async function groupMembers(): Promise<{ memberId: string; clientHost: string; partitions: number[] }[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [group] = (await admin.describeGroups([e2eEnv.consumerGroupId])).groups;
    return group.members.map((member) => ({
      memberId: member.memberId,
      clientHost: member.clientHost,
      partitions:
        member.memberAssignment.length > 0
          ? (AssignerProtocol.MemberAssignment.decode(member.memberAssignment)?.assignment[PRODUCT_EVENTS_TOPIC] ?? [])
          : [],
    }));
  } finally {
    await admin.disconnect();
  }
}

/** A batch of product.events records as product-consumer's log names it: `product.events/P@first` or `…@first..last`. */
export interface BatchInHand {
  partition: number;
  first: bigint;
  last: bigint;
}

const BATCH_WHERE = /product\.events\/(\d+)@(\d+)(?:\.\.(\d+))?/;

export function batchAt(where: string): BatchInHand | null {
  const [, partition, first, last = first] = BATCH_WHERE.exec(where) ?? [];
  return partition ? { partition: Number(partition), first: BigInt(first), last: BigInt(last) } : null;
}

/** The batches a consumer's log says it failed to acknowledge, the first of each partition. */
export function batchesFailingToAck(log: string): BatchInHand[] {
  const failed = new Map<number, BatchInHand>();
  for (const [where] of log.matchAll(new RegExp(`acknowledging ${BATCH_WHERE.source} failed`, 'g'))) {
    const batch = batchAt(where);
    if (batch && !failed.has(batch.partition)) failed.set(batch.partition, batch);
  }
  return [...failed.values()];
}

/** The event ids of the records in these batches. */
export async function eventIdsIn(batches: BatchInHand[]): Promise<string[]> {
  const from = await topicEnds(PRODUCT_EVENTS_TOPIC); // nothing of the other partitions
  for (const batch of batches) from.set(batch.partition, batch.first);
  return (await recordsSince(PRODUCT_EVENTS_TOPIC, from))
    .filter(({ partition, message }) => {
      const batch = batches.find((b) => b.partition === partition);
      return batch && BigInt(message.offset) <= batch.last;
    })
    .map(({ message }) => message.headers?.[EventHeaders.eventId]?.toString() ?? '');
}
