import { PRODUCT_EVENTS_TOPIC, SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ackedOtherwise, acksByEvent } from './support/acks.js';
import { api } from './support/api.js';
import { unpublishedOutboxRows } from './support/databases.js';
import { e2eEnv } from './support/env.js';
import { eventually } from './support/eventually.js';
import { eventIdCounts, topicEnds } from './support/kafka.js';
import { holdLock, waitingOnLock } from './support/locks.js';
import { lastOutboxId, outboxEventIdsAfter } from './support/outbox.js';
import { drainedAndEqual } from './support/pipeline.js';
import { apps, useRunningSystem } from './support/stack.js';

const N = 40;

describe("product-producer killed between Kafka's ack and marking the rows published", () => {
  useRunningSystem();

  it('leaves the rows unpublished; the next relay sends them again; the consumer acknowledges the duplicates stale', async () => {
    // Arrange: the relay stopped, N changes written (their outbox rows unpublished).
    await apps.producer.stop();
    const [firstOutboxId, eventsFrom, acksFrom] = await Promise.all([
      lastOutboxId(),
      topicEnds(PRODUCT_EVENTS_TOPIC),
      topicEnds(SYNC_ACKS_TOPIC),
    ]);
    for (let i = 0; i < N; i++)
      await api.create({ sku: `K-${randomUUID().slice(0, 8)}`, name: `kill ${i}`, price: 1, stock: i });
    const eventIds = await outboxEventIdsAfter(firstOutboxId);
    expect(eventIds).toHaveLength(N);
    expect(await unpublishedOutboxRows()).toBe(N);

    // Act: SHARE MODE lets the relay's SELECT through but makes its UPDATE (the mark) wait: it is killed there.
    const marking = await holdLock(e2eEnv.apiDatabaseUrl, 'LOCK TABLE outbox_events IN SHARE MODE');
    try {
      await apps.producer.start();
      const waiter = await waitingOnLock(e2eEnv.apiDatabaseUrl, 'UPDATE outbox_events SET published_at%');
      const sent = await eventually(async () => {
        const counts = await eventIdCounts(eventsFrom);
        expect(eventIds.filter((id) => counts.get(id) !== 1)).toEqual([]);
        return counts;
      });
      expect(sent.size).toBe(N);
      await apps.producer.stop('SIGKILL');
      console.log(
        `relay kill: relay's session ${waiter.pid} waiting (${waiter.waitEvent}) on "${waiter.query.slice(0, 60)}"; ${N} events in Kafka; SIGKILL`,
      );
    } finally {
      await marking.release();
    }
    expect(await unpublishedOutboxRows()).toBe(N); // the killed relay's mark never committed
    await apps.producer.start();
    const compared = await drainedAndEqual();

    // Assert: each event twice in the topic (sent, then sent again), marked once, applied once, the duplicate stale.
    const counts = await eventIdCounts(eventsFrom);
    expect(eventIds.filter((id) => counts.get(id) !== 2)).toEqual([]);
    expect(await unpublishedOutboxRows()).toBe(0);
    const acks = await acksByEvent(acksFrom);
    expect(ackedOtherwise(eventIds, acks, (statuses) => statuses.join() === 'applied,stale')).toEqual([]);
    console.log(
      `relay kill: ${N} events sent, relay SIGKILLed before marking them; the next relay sent all ${N} again (each twice in ${PRODUCT_EVENTS_TOPIC}); ` +
        `each acknowledged applied then stale; outbox drained; ${compared} products equal`,
    );
  });
});
