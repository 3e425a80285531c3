import { decodeSyncAck, SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { apiDb } from './support/databases.js';
import { eventually } from './support/eventually.js';
import { groupMembers, recordsSince, topicEnds } from './support/kafka.js';
import { drainedAndEqual } from './support/pipeline.js';
import { apps, extraConsumer, useRunningSystem } from './support/stack.js';
import { WriteStream } from './support/write-stream.js';

async function settledGroup(size: number) {
  return eventually(
    async () => {
      const members = await groupMembers();
      const assigned = members.flatMap((m) => m.partitions).sort();
      if (members.length !== size || assigned.join() !== '0,1,2')
        throw new Error(`group not settled at ${size}: ${JSON.stringify(members)}`);
      return members;
    },
    { timeoutMs: 60_000, intervalMs: 500 },
  );
}

/** Lines of a process log that match, in the order they were printed. */
function positions(log: string, patterns: RegExp[]): number[] {
  return patterns.map((pattern) => log.search(pattern));
}

describe('several product-consumer instances in one group', () => {
  useRunningSystem();
  const second = extraConsumer(1);
  const third = extraConsumer(2);
  afterAll(() => Promise.all([second.stop(), third.stop()]));

  it('share the partitions; one stopped with SIGTERM finishes its record, commits, leaves, then closes its database: nothing lost, nothing applied twice', async () => {
    await Promise.all([second.start(), third.start()]);
    const members = await settledGroup(3);
    expect(members.every((m) => m.partitions.length === 1)).toBe(true);

    const firstOutboxId =
      (await apiDb.query<{ max: string | null }>('SELECT max(id) FROM outbox_events')).rows[0].max ?? '0';
    const acksFrom = await topicEnds(SYNC_ACKS_TOPIC);
    const writes = new WriteStream({ products: 100, concurrency: 3 });
    writes.start();
    await writes.reach(150);
    await third.stop('SIGTERM');
    await writes.reach(300);
    const counts = await writes.stop();
    const compared = await drainedAndEqual();
    await settledGroup(2);

    const order = positions(third.log, [
      /shutdown \(SIGTERM\): stopped taking records/,
      /\[Consumer\] Stopped/,
      /catalog database closed/,
    ]);
    expect(
      order.every((at) => at >= 0),
      `missing shutdown steps in the log: ${order}`,
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    // Exactly one ack per event, and it says applied: no record was redelivered across the hand-over.
    const eventIds = (
      await apiDb.query<{ event_id: string }>('SELECT event_id::text FROM outbox_events WHERE id > $1', [firstOutboxId])
    ).rows.map((r) => r.event_id);
    const acks = (await recordsSince(SYNC_ACKS_TOPIC, acksFrom)).flatMap(({ message }) => {
      const ack = decodeSyncAck(message.value);
      return ack.ok ? [ack.value] : [];
    });
    const byEvent = new Map<string, string[]>();
    for (const { eventId, status } of acks)
      if (eventId) byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), status]);
    const notOnce = eventIds.filter((id) => byEvent.get(id)?.join() !== 'applied');
    expect(notOnce.map((id) => `${id}: ${byEvent.get(id)?.join() ?? 'no ack'}`)).toEqual([]);
    console.log(
      `consumer group: 3 instances, one partition each; SIGTERM to one after 150 of ${counts.creates + counts.updates + counts.deletes} writes; ` +
        `${eventIds.length} events each acknowledged exactly once, as applied; ${compared} products equal`,
    );
  });

  it('a SIGKILLed instance loses its partitions to the others once its session expires, and the replica still ends equal', async () => {
    const writes = new WriteStream({ products: 100, concurrency: 3 });
    writes.start();
    await writes.reach(100);
    await second.stop('SIGKILL');
    await writes.reach(250);
    const counts = await writes.stop();
    const [survivor] = await settledGroup(1);
    const compared = await drainedAndEqual();
    console.log(
      `consumer group: SIGKILL to one of two mid-stream; the survivor took partitions ${survivor.partitions.join(',')}; ` +
        `${counts.creates} creates, ${counts.updates} updates, ${counts.deletes} deletes; ${compared} products equal`,
    );
    expect(apps.consumer.running).toBe(true);
  });
});
