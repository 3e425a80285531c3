import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { expect } from 'vitest';
import { apiDb } from '../support/databases.js';
import { eventually } from '../support/eventually.js';
import { eventIdCounts, topicEnds } from '../support/kafka.js';
import { drainedAndEqual } from '../support/pipeline.js';
import { apps } from '../support/stack.js';
import type { BrokerOutage } from './broker-outage.js';
import { clusterTopics, minInsyncReplicas, partitionStates } from './cluster.js';

/** Where a run starts: the end of product.events and of the outbox. */
export interface RunStart {
  eventsFrom: Map<number, bigint>;
  outboxFrom: string;
  at: number;
}

/** Checks the cluster is what it should be before anything runs (3 replicas, min.insync.replicas 2); notes where the run starts. */
export async function expectHealthyClusterAndMarkStart(): Promise<RunStart> {
  for (const p of await partitionStates()) expect(p.replicas, `${p.topic}/${p.partition} replicas`).toHaveLength(3);
  const minIsr = await minInsyncReplicas();
  for (const topic of clusterTopics) expect(minIsr.get(topic), `min.insync.replicas of ${topic}`).toBe(2);
  const { rows } = await apiDb.query<{ max: string }>('SELECT coalesce(max(id), 0)::text AS max FROM outbox_events');
  return { eventsFrom: await topicEnds(PRODUCT_EVENTS_TOPIC), outboxFrom: rows[0].max, at: Date.now() };
}

/**
 * Waits until nothing is in flight (outbox published, consumer group caught up) and the replica
 * equals the source row for row; on a timeout, says what the outage did and what the apps warned.
 * Returns the products compared and the seconds it took.
 */
export async function expectDrained(outage: BrokerOutage): Promise<{ compared: number; seconds: number }> {
  const started = Date.now();
  try {
    const compared = await drainedAndEqual({ timeoutMs: 120_000 });
    return { compared, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    for (const app of Object.values(apps)) {
      const lines = app.log.split('\n').filter((l) => /error|warn|crash|kafkajs/i.test(l));
      console.error(`---- ${app.name}: last warnings/errors (of ${lines.length}) ----\n${lines.slice(-15).join('\n')}`);
    }
    throw new Error(`not drained 120 s after the stream (${outage.timeline.join('; ')}): ${(error as Error).message}`);
  }
}

/**
 * Every outbox event of the run (`changes` of them) is in product.events: acks=all had it on two
 * brokers before it counted as sent. Returns how many records were extra copies (re-sends).
 */
export async function expectStreamInTopic(
  start: RunStart,
  changes: number,
): Promise<{ found: number; resent: number }> {
  const outbox = (
    await apiDb.query<{ event_id: string; aggregate_id: string; version: number }>(
      'SELECT event_id, aggregate_id, version FROM outbox_events WHERE id > $1 ORDER BY id',
      [start.outboxFrom],
    )
  ).rows;
  expect(outbox).toHaveLength(changes);
  const inTopic = await eventIdCounts(start.eventsFrom);
  const missing = outbox.filter((row) => !inTopic.has(row.event_id));
  if (missing.length > 0)
    throw new Error(
      `event ${missing[0].event_id} (product ${missing[0].aggregate_id} v${missing[0].version}) is not in ${PRODUCT_EVENTS_TOPIC}; ${missing.length} of ${outbox.length} missing`,
    );
  return { found: outbox.length, resent: [...inTopic.values()].reduce((sum, n) => sum + n - 1, 0) };
}

/** The stopped broker is back as a full replica: three replicas in sync everywhere, min.insync.replicas still 2. Returns the partitions. */
export async function expectFullyReplicated(): Promise<number> {
  const states = await eventually(
    async () => {
      const all = await partitionStates();
      const behind = all.find((p) => p.replicas.length !== 3 || p.isr.length !== 3);
      if (behind)
        throw new Error(`${behind.topic}/${behind.partition}: replicas ${behind.replicas}, in sync ${behind.isr}`);
      return all;
    },
    { timeoutMs: 60_000, intervalMs: 500 },
  );
  const minIsr = await minInsyncReplicas();
  for (const topic of clusterTopics) expect(minIsr.get(topic), `min.insync.replicas of ${topic}`).toBe(2);
  return states.length;
}
