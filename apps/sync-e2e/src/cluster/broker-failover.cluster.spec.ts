import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { apiDb, expectReplicaEqualsSource, unpublishedOutboxRows } from '../support/databases.js';
import { eventually } from '../support/eventually.js';
import { seededRandom } from '../support/seeded-random.js';
import { apps, useRunningSystem } from '../support/stack.js';
import { topicEnds } from '../support/kafka.js';
import {
  clusterTopics,
  eventIdsInTopic,
  kafkaSh,
  leaderOf,
  minInsyncReplicas,
  partitionStates,
  requireLocalCluster,
} from './cluster.js';

/** The stream: STOP_AT changes with three brokers, then one broker stops; it starts again at RESTART_AT; AFTER_READY more once it is back. */
const STOP_AT = 150;
const RESTART_AT = 300;
const STREAM_END = 450;
const AFTER_READY = 50;
const INTERVAL_MS = 55; // one change every 55 ms across all writers: ~18 changes/s, ~25 s of stream
const WRITERS = 4;
/** CLUSTER_STOP=kill stops the broker with SIGKILL (a crash) instead of a controlled shutdown. */
const CRASH = process.env.CLUSTER_STOP === 'kill';

type Op = 'create' | 'update' | 'delete';

describe('three brokers: one stops in the middle of a stream of changes and comes back', () => {
  const nodes = requireLocalCluster();
  useRunningSystem();

  it('loses nothing: the replica equals the source row for row, every outbox event is in product.events', async () => {
    const seed = Number(process.env.CLUSTER_SEED ?? Date.now() % 1_000_000);
    const rand = seededRandom(seed); // CLUSTER_SEED repeats a run's mix of changes

    // The cluster is what it should be before anything runs.
    const before = await partitionStates();
    for (const p of before) expect(p.replicas, `${p.topic}/${p.partition} replicas`).toHaveLength(3);
    const minIsr = await minInsyncReplicas();
    for (const topic of clusterTopics) expect(minIsr.get(topic), `min.insync.replicas of ${topic}`).toBe(2);
    const startOffsets = await topicEnds(PRODUCT_EVENTS_TOPIC);
    const [{ max: outboxBefore }] = (await apiDb.query('SELECT coalesce(max(id), 0)::text AS max FROM outbox_events'))
      .rows;

    const victim = await leaderOf(PRODUCT_EVENTS_TOPIC, 0);
    const counts: Record<Op, number> = { create: 0, update: 0, delete: 0 };
    const timeline: string[] = [];
    let next = 0;
    let stopped: Promise<void> | undefined;
    let restarted: Promise<void> | undefined;
    let victimDown = false;
    let readyAt: number | undefined;
    let stoppedAt: number | undefined;
    let restartAt: number | undefined;
    let movedTo: number | undefined;
    const t0 = Date.now();

    async function change(own: { id: string }[]): Promise<void> {
      const roll = rand();
      const op: Op = own.length < 3 || roll < 0.3 ? 'create' : roll < 0.88 ? 'update' : 'delete';
      if (op === 'create') {
        const n = counts.create;
        own.push(
          await api.create({
            sku: `HA-${randomUUID().slice(0, 8)}`,
            name: `Failover ${n}`,
            price: Math.round(rand() * 10_000) / 100,
            stock: n % 50,
          }),
        );
      } else {
        const index = Math.floor(rand() * own.length);
        if (op === 'update')
          await api.patch(own[index].id, {
            name: `Failover ${counts.update} (u)`,
            stock: Math.floor(rand() * 100),
            price: Math.round(rand() * 10_000) / 100,
          });
        else await api.remove(own.splice(index, 1)[0].id);
      }
      counts[op]++;
    }

    /** A writer takes the next change number, waits for its slot, stops or restarts the broker when the number says so. */
    async function writer(until: () => boolean): Promise<void> {
      const own: { id: string }[] = [];
      while (until()) {
        const n = ++next;
        const slot = t0 + n * INTERVAL_MS - Date.now();
        if (slot > 0) await sleep(slot);
        if (n === STOP_AT) {
          timeline.push(
            `#${n} ${CRASH ? 'killing' : 'stopping'} broker ${victim} (leader of ${PRODUCT_EVENTS_TOPIC}/0) at ${Date.now() - t0} ms`,
          );
          victimDown = true;
          stopped = kafkaSh('stop-node', String(victim), ...(CRASH ? ['--kill'] : [])).then(async () => {
            stoppedAt = next;
            timeline.push(`#${stoppedAt} broker ${victim} gone at ${Date.now() - t0} ms`);
            // After a crash the controller notices only once the broker's session expires (broker.session.timeout.ms, 9 s).
            movedTo = await eventually(
              async () => {
                const leader = await leaderOf(PRODUCT_EVENTS_TOPIC, 0);
                if (leader === victim)
                  throw new Error(`${PRODUCT_EVENTS_TOPIC}/0 still led by stopped broker ${victim}`);
                return leader;
              },
              { timeoutMs: 30_000, intervalMs: 250 },
            );
            timeline.push(`#${next} ${PRODUCT_EVENTS_TOPIC}/0 led by broker ${movedTo} at ${Date.now() - t0} ms`);
          });
        }
        if (n === RESTART_AT) {
          await stopped; // the other writers go on meanwhile
          restartAt = next;
          timeline.push(`#${restartAt} starting broker ${victim} at ${Date.now() - t0} ms`);
          restarted = kafkaSh('start-node', String(victim)).then(() => {
            readyAt = next;
            victimDown = false;
            timeline.push(`#${readyAt} broker ${victim} ready at ${Date.now() - t0} ms`);
          });
        }
        await change(own);
      }
    }

    try {
      // Until the stream end, and on until AFTER_READY changes went through with the broker back.
      await Promise.all(
        Array.from({ length: WRITERS }, () =>
          writer(() => next < STREAM_END || readyAt === undefined || next < readyAt + AFTER_READY),
        ),
      );
      await restarted;
    } finally {
      // A failure mid-stream leaves no broker down behind it.
      if (victimDown)
        await (restarted ?? Promise.resolve(stopped).then(() => kafkaSh('start-node', String(victim)))).catch(
          () => undefined,
        );
    }
    const total = next;
    const streamSeconds = (Date.now() - t0) / 1000;
    expect(movedTo, `leader of ${PRODUCT_EVENTS_TOPIC}/0 after broker ${victim} stopped`).not.toBe(victim);

    // Drained: every outbox row published, and the replica equal to the source. On a timeout the error names the first differing row.
    const drainStart = Date.now();
    let compared = 0;
    try {
      compared = await eventually(
        async () => {
          const unpublished = await unpublishedOutboxRows();
          if (unpublished > 0) throw new Error(`${unpublished} outbox rows still unpublished`);
          return expectReplicaEqualsSource();
        },
        { timeoutMs: 120_000, intervalMs: 500 },
      );
    } catch (error) {
      for (const app of Object.values(apps)) {
        const lines = app.log.split('\n').filter((l) => /error|warn|crash|kafkajs/i.test(l));
        console.error(
          `---- ${app.name}: last warnings/errors (of ${lines.length}) ----\n${lines.slice(-15).join('\n')}`,
        );
      }
      throw new Error(`not drained 120 s after the stream (${timeline.join('; ')}): ${(error as Error).message}`);
    }
    const drainSeconds = (Date.now() - drainStart) / 1000;
    const unpublished = await unpublishedOutboxRows();
    expect(unpublished).toBe(0);

    // Every event the outbox holds from this stream is in the topic (acks=all: in sync on two brokers before it counted as sent).
    const outbox = (
      await apiDb.query<{ event_id: string; aggregate_id: string; version: number }>(
        'SELECT event_id, aggregate_id, version FROM outbox_events WHERE id > $1 ORDER BY id',
        [outboxBefore],
      )
    ).rows;
    expect(outbox).toHaveLength(total);
    const inTopic = await eventIdsInTopic(startOffsets);
    const missing = outbox.find((row) => !inTopic.has(row.event_id));
    if (missing)
      throw new Error(
        `event ${missing.event_id} (product ${missing.aggregate_id} v${missing.version}) is not in ${PRODUCT_EVENTS_TOPIC}; ${outbox.filter((r) => !inTopic.has(r.event_id)).length} of ${outbox.length} missing`,
      );
    const resent = [...inTopic.values()].reduce((sum, n) => sum + n - 1, 0);

    // The broker is back as a full replica: three replicas in sync everywhere, min.insync.replicas still 2.
    const after = await eventually(
      async () => {
        const states = await partitionStates();
        const behind = states.find((p) => p.replicas.length !== 3 || p.isr.length !== 3);
        if (behind)
          throw new Error(`${behind.topic}/${behind.partition}: replicas ${behind.replicas}, in sync ${behind.isr}`);
        return states;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const minIsrAfter = await minInsyncReplicas();
    for (const topic of clusterTopics) expect(minIsrAfter.get(topic), `min.insync.replicas of ${topic}`).toBe(2);

    console.log(`broker failover timeline: ${timeline.join('; ')}`);
    console.log(
      `broker failover: ${total} changes in ${streamSeconds.toFixed(1)} s (${counts.create} creates, ${counts.update} updates, ${counts.delete} deletes; ${WRITERS} writers, seed ${seed}), ` +
        `broker ${victim} of ${nodes} (leader of ${PRODUCT_EVENTS_TOPIC}/0) ${CRASH ? 'killed' : 'stopped'} at #${STOP_AT} (down by #${stoppedAt}, partition 0 moved to broker ${movedTo}), ` +
        `restarted at #${restartAt} (ready at #${readyAt}); drained ${drainSeconds.toFixed(1)} s after the stream: ` +
        `${compared} products equal row for row, ${unpublished} unpublished, ${outbox.length}/${outbox.length} outbox events found in ${PRODUCT_EVENTS_TOPIC} (${resent} re-sent duplicates), ` +
        `${after.length} partitions of ${clusterTopics.length} topics with 3 replicas all in sync, min.insync.replicas=2`,
    );
  });
});
