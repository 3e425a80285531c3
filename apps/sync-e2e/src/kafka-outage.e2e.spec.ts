import { DEAD_LETTER_TOPIC, PRODUCT_EVENTS_TOPIC, SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ackedOtherwise, acksByEvent, appliedOnceThenStale } from './support/acks.js';
import { api, catalogProduct, keepCreating, replicated } from './support/api.js';
import { e2eEnv } from './support/env.js';
import { eventually } from './support/eventually.js';
import { committedOffsets, deadLettersSince, groupMembers, recordsWithKey, topicEnds } from './support/kafka.js';
import { holdLock, waitingOnLock } from './support/locks.js';
import { lastOutboxId, outboxEventIdOf, outboxEventIdsAfter } from './support/outbox.js';
import { drainedAndEqual } from './support/pipeline.js';
import { apps, CONSUMER_TEST_SETTINGS, useRunningSystem } from './support/stack.js';
import { localBroker, type LocalBroker } from './support/test-broker.js';

/** Longer than the consumers' session timeout in these tests. */
const OUTAGE_MS = Number(CONSUMER_TEST_SETTINGS.KAFKA_SESSION_TIMEOUT_MS) + 5000;

describe('Kafka unreachable from the consumer for longer than its session timeout', () => {
  let broker: LocalBroker | null = null;
  let down = false;
  beforeAll(async () => {
    broker = await localBroker();
    if (!broker)
      console.warn(`KAFKA OUTAGE TEST NOT RUN: ${e2eEnv.kafkaBrokers.join(',')} is not a broker kafka.sh started here`);
  });
  useRunningSystem();
  afterAll(async () => {
    if (down) await broker?.start(); // the next test file needs it
  });

  it('the record in hand is applied once, its ack waits out the outage, writes go on, and the replica converges', async (context) => {
    if (!broker) return context.skip();
    const held = await api.create({ sku: `OUT-${randomUUID().slice(0, 8)}`, name: 'held', price: 5, stock: 5 });
    await replicated(held.id, 1);
    const [firstOutboxId, acksFrom, dlqFrom, eventsFrom] = await Promise.all([
      lastOutboxId(),
      topicEnds(SYNC_ACKS_TOPIC),
      topicEnds(DEAD_LETTER_TOPIC),
      topicEnds(PRODUCT_EVENTS_TOPIC),
    ]);
    // Its replica row locked: the consumer takes the change and waits on the row, the record in its hands, uncommitted.
    const row = await holdLock(e2eEnv.catalogDatabaseUrl, 'SELECT 1 FROM catalog_products WHERE id = $1 FOR UPDATE', [
      held.id,
    ]);
    let inHand: string;
    let stoppedAt: number;
    const [memberBefore] = await groupMembers();
    const logFrom = apps.consumer.log.length;
    try {
      await api.patch(held.id, { stock: 6 });
      await waitingOnLock(e2eEnv.catalogDatabaseUrl, '%catalog_products%');
      const [record] = await recordsWithKey(PRODUCT_EVENTS_TOPIC, eventsFrom, held.id);
      inHand = `${PRODUCT_EVENTS_TOPIC}/${record.partition}@${record.message.offset}`;
      expect((await committedOffsets()).get(record.partition)).toBe(BigInt(record.message.offset));
      // The broker stops; then the row is released: the change is applied, its ack cannot be sent.
      down = true;
      await broker.stop();
      stoppedAt = Date.now();
    } finally {
      await row.release();
    }
    // Writes go on (they need only PostgreSQL) past the session timeout.
    const during = await keepCreating(OUTAGE_MS);
    expect(await catalogProduct(during[0].id)).toBeNull();
    await broker.start();
    down = false;
    const readyAt = Date.now();
    const downMs = readyAt - stoppedAt;
    await eventually(async () => expect(await catalogProduct(during[0].id)).not.toBeNull(), {
      timeoutMs: 120_000,
      intervalMs: 50,
    });
    const resumeMs = Date.now() - readyAt;
    const compared = await drainedAndEqual();

    // Every change acknowledged, the held one applied exactly once; nothing dead-lettered.
    const acks = await acksByEvent(acksFrom);
    const heldAcks = acks.get(await outboxEventIdOf(held.id, 2));
    expect(ackedOtherwise(await outboxEventIdsAfter(firstOutboxId), acks, appliedOnceThenStale)).toEqual([]);
    expect(await deadLettersSince(dlqFrom)).toEqual([]);
    expect(apps.consumer.log).toMatch(new RegExp(`acknowledging ${inHand}(\\.\\.\\d+)? failed`)); // its batch: it and any record after it
    // A heartbeat that cannot reach the broker was one more transient failure: no crash, no rejoin, the same member.
    const consumerLog = apps.consumer.log.slice(logFrom);
    expect(consumerLog).not.toMatch(/\[Consumer\] Crash|Consumer has joined the group/);
    const [memberAfter] = await groupMembers();
    expect(memberAfter.memberId).toBe(memberBefore.memberId);
    console.log(
      `kafka outage: broker down ${(downMs / 1000).toFixed(1)} s (session timeout ${CONSUMER_TEST_SETTINGS.KAFKA_SESSION_TIMEOUT_MS} ms), ${during.length} writes meanwhile, all accepted; ` +
        `record in hand ${inHand}: acks ${heldAcks?.join(',')}; the consumer never crashed nor rejoined, member ${memberAfter.memberId} kept its partitions through the broker's restart; ` +
        `resume delay (broker ready -> first outage write applied) ${resumeMs} ms; 0 dead letters; ${compared} products equal`,
    );
  });
});
