import { PRODUCT_EVENTS_TOPIC, SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { ackedOtherwise, acksByEvent, appliedOnce, appliedOnceThenStale } from './support/acks.js';
import { api } from './support/api.js';
import { e2eEnv } from './support/env.js';
import { eventually } from './support/eventually.js';
import {
  batchAt,
  batchesFailingToAck,
  committedOffsets,
  eventIdsIn,
  recordsWithKey,
  topicEnds,
  type BatchInHand,
} from './support/kafka.js';
import { holdLock, waitingOnLock } from './support/locks.js';
import { expectLogInOrder } from './support/log-order.js';
import { lastOutboxId, outboxEventIdsAfter } from './support/outbox.js';
import { drainedAndEqual } from './support/pipeline.js';
import { productOnPartition, settledGroup } from './support/partitions.js';
import { apps, extraConsumer, useRunningSystem } from './support/stack.js';
import { refuseAcks } from './support/topic-config.js';
import { WriteStream } from './support/write-stream.js';

describe('several product-consumer instances in one group', () => {
  useRunningSystem();
  const second = extraConsumer(1);
  const third = extraConsumer(2);
  afterAll(() => Promise.all([second.stop(), third.stop()]));

  it('share the partitions; one stopped with SIGTERM with a record in hand finishes and commits it, leaves, closes its producers, then its database: nothing lost, nothing applied twice', async () => {
    await Promise.all([second.start(), third.start()]);
    const members = await settledGroup(3);
    expect(members.every((m) => m.partitions.length === 1)).toBe(true);
    const [partition] = members.find((m) => m.memberId.startsWith(`${third.label}-`))?.partitions ?? [];
    const held = await productOnPartition(partition);
    const [firstOutboxId, acksFrom, eventsFrom] = await Promise.all([
      lastOutboxId(),
      topicEnds(SYNC_ACKS_TOPIC),
      topicEnds(PRODUCT_EVENTS_TOPIC),
    ]);

    const writes = new WriteStream({ products: 100, concurrency: 3 });
    writes.start();
    await writes.reach(150);
    // The held product's replica row is locked: the third instance's apply of its change waits, the record in its hands.
    const row = await holdLock(e2eEnv.catalogDatabaseUrl, 'SELECT 1 FROM catalog_products WHERE id = $1 FOR UPDATE', [
      held.id,
    ]);
    let stopped: Promise<boolean> | undefined;
    try {
      await api.patch(held.id, { stock: held.stock + 1 });
      await waitingOnLock(e2eEnv.catalogDatabaseUrl, '%catalog_products%');
      stopped = third.stop('SIGTERM');
      // Released within the apply's statement timeout (a third of the session timeout): that attempt then succeeds.
      await eventually(async () => expect(third.log).toMatch(/shutdown \(SIGTERM\): stopped taking records/), {
        timeoutMs: 2000,
        intervalMs: 10,
      });
    } finally {
      await row.release();
    }
    expect(await stopped, 'the third instance was running when it got SIGTERM').toBe(true);
    await writes.reach(300);
    const counts = await writes.stop();
    const compared = await drainedAndEqual();
    await settledGroup(2);

    const [heldRecord] = await recordsWithKey(PRODUCT_EVENTS_TOPIC, eventsFrom, held.id);
    const inHand = `${PRODUCT_EVENTS_TOPIC}/${heldRecord.partition}@${heldRecord.message.offset}`;
    const shutdown = [
      { step: 'stopped taking records, a batch in hand', pattern: /stopped taking records; finishing (\S+) first/ },
      { step: 'committed the record in hand', pattern: /shutdown: committed (\S+), the records? in hand/ },
      { step: 'left the group', pattern: /\[Consumer\] Stopped/ },
    ];
    const closed = { step: 'closed the database', pattern: /catalog database closed/ };
    const [finishing, committed] = expectLogInOrder(third.log, [
      ...shutdown,
      { step: 'closed the ack producer', pattern: /sync-acks producer closed/ },
      closed,
    ]);
    expectLogInOrder(third.log, [
      ...shutdown,
      { step: 'closed the dead-letter producer', pattern: /dead-letter producer closed/ },
      closed,
    ]);
    // The batch in hand (one partition, so one batch) is the one holding the held record.
    expect(committed[1]).toBe(finishing[1]);
    const batch = batchAt(finishing[1]);
    expect(batch?.partition).toBe(heldRecord.partition);
    expect(BigInt(heldRecord.message.offset)).toBeGreaterThanOrEqual(batch?.first ?? -1n);
    expect(BigInt(heldRecord.message.offset)).toBeLessThanOrEqual(batch?.last ?? -1n);

    // Exactly one ack per event, and it says applied: no record was redelivered across the hand-over.
    const eventIds = await outboxEventIdsAfter(firstOutboxId);
    expect(ackedOtherwise(eventIds, await acksByEvent(acksFrom), appliedOnce)).toEqual([]);
    console.log(
      `consumer group: 3 instances, one partition each; SIGTERM to one after 150 of ${counts.creates + counts.updates + counts.deletes} writes, ` +
        `while ${inHand} (product ${held.id}) was in its hands (its replica row locked); it finished and committed that record, left, closed its producers, then its database; ` +
        `${eventIds.length} events each acknowledged exactly once, as applied; ${compared} products equal`,
    );
  });

  it('a SIGKILLed instance loses its partitions to the others once its session expires; its uncommitted record is redelivered and found stale', async () => {
    const [firstOutboxId, acksFrom] = await Promise.all([lastOutboxId(), topicEnds(SYNC_ACKS_TOPIC)]);
    const writes = new WriteStream({ products: 100, concurrency: 3 });
    writes.start();
    await writes.reach(100);
    const partitions = (await settledGroup(2)).find((m) => m.memberId.startsWith(`${second.label}-`))?.partitions;

    // Acks refused: the second instance applies the next record of its partitions but cannot acknowledge, hence commit, it.
    const logFrom = second.log.length;
    const allowAcks = await refuseAcks();
    // kafkajs applies the batches of one fetch concurrently (up to CONSUMER_PARTITIONS_CONCURRENTLY) and
    // fetches again only once all of them are done: wait until one is stuck acknowledging, then give the
    // others of that fetch a moment to reach the same failure, so none is caught between its apply and
    // it. A partition of the second instance that was not in that fetch holds nothing applied.
    let inHand: BatchInHand[];
    try {
      await eventually(async () => {
        if (batchesFailingToAck(second.log.slice(logFrom)).length === 0)
          throw new Error('no batch of the second instance has failed to acknowledge yet');
      });
      await sleep(2000);
      inHand = batchesFailingToAck(second.log.slice(logFrom));
      const committed = await committedOffsets();
      for (const batch of inHand) {
        expect(partitions).toContain(batch.partition);
        expect(committed.get(batch.partition)).toBe(batch.first); // applied, not committed
      }
      await second.stop('SIGKILL');
    } finally {
      await allowAcks();
    }
    await writes.reach(250);
    const counts = await writes.stop();
    const [survivor] = await settledGroup(1);
    const compared = await drainedAndEqual();

    // Nothing lost: every event acknowledged. The held one only by its next owner, as stale: the replica had it already.
    const eventIds = await outboxEventIdsAfter(firstOutboxId);
    const acks = await acksByEvent(acksFrom);
    // The records in hand (their batches applied, never acknowledged) are acknowledged only by their next owner, as stale.
    const heldEvents = await eventIdsIn(inHand);
    expect(heldEvents.length).toBeGreaterThan(0);
    for (const held of heldEvents) expect(acks.get(held), `acks of the record in hand, ${held}`).toEqual(['stale']);
    const others = eventIds.filter((id) => !heldEvents.includes(id));
    expect(ackedOtherwise(others, acks, appliedOnceThenStale)).toEqual([]);
    const redelivered = others.filter((id) => (acks.get(id)?.length ?? 0) > 1).length;
    console.log(
      `consumer group: SIGKILL to one of two mid-stream; the survivor took partitions ${survivor.partitions.join(',')}; ` +
        `${counts.creates} creates, ${counts.updates} updates, ${counts.deletes} deletes; the records in the killed instance's hands (${inHand.map((b) => `${PRODUCT_EVENTS_TOPIC}/${b.partition}@${b.first}..${b.last}`).join(', ')}: applied, ack refused, uncommitted) ` +
        `redelivered and acknowledged stale by the survivor; ${eventIds.length} events acknowledged (${redelivered} more redelivered, all stale); ${compared} products equal`,
    );
    expect(apps.consumer.running).toBe(true);
  });
});
