import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { describe, expect, it } from 'vitest';
import { unpublishedOutboxRows } from '../support/databases.js';
import { e2eEnv } from '../support/env.js';
import { runSeed } from '../support/seeded-random.js';
import { apps, useRunningSystem } from '../support/stack.js';
import type { BrokerRole } from './broker-outage.js';
import {
  expectDrained,
  expectFullyReplicated,
  expectHealthyClusterAndMarkStart,
  expectStreamInTopic,
} from './checks.js';
import { clusterTopics, groupCoordinator, leaderOf, requireLocalCluster } from './cluster.js';
import { WRITERS, streamThroughOutage, type OutageStream, type Scenario } from './outage-stream.js';
import { expectNoConsumerCrash, expectRejoinedInPlace } from './rejoin.js';

/** CLUSTER_STOP=kill stops the broker with SIGKILL (a crash) instead of a controlled shutdown. */
const CRASH = process.env.CLUSTER_STOP === 'kill';
/** ~25 s of stream at ~18 changes/s; the broker stops at #150 and starts again from #300 on. */
const LEADER_RUN: Scenario = { stopAt: 150, restartAt: 300, streamEnd: 450, afterReady: 50 };
/** Shorter: the consumer only has to be committing when its coordinator goes. */
const COORDINATOR_RUN: Scenario = { stopAt: 100, restartAt: 200, streamEnd: 250, afterReady: 50 };

const leaderOfPartition0: BrokerRole = {
  name: `leader of ${PRODUCT_EVENTS_TOPIC}/0`,
  holder: () => leaderOf(PRODUCT_EVENTS_TOPIC, 0),
};
const coordinatorOfGroup: BrokerRole = {
  name: `coordinator of group ${e2eEnv.consumerGroupId}`,
  holder: () => groupCoordinator(e2eEnv.consumerGroupId),
};

describe('three brokers: one stops in the middle of a stream of changes and comes back', () => {
  // First, before anything can fail: the seed is what repeats a failed run (each run derives its writers' generators from it).
  const seed = runSeed(process.env.CLUSTER_SEED);
  console.log(`broker failover: seed ${seed} (CLUSTER_SEED=${seed} repeats every writer's changes in both runs)`);
  const nodes = requireLocalCluster();
  useRunningSystem();

  /** The checks both runs share: drained and equal, nothing lost, the cluster whole again. Returns the summary. */
  async function expectNothingLost(
    run: OutageStream,
    start: Awaited<ReturnType<typeof expectHealthyClusterAndMarkStart>>,
  ) {
    const { outage } = run;
    expect(outage.movedTo, `${outage.role.name} after broker ${outage.broker} stopped`).not.toBe(outage.broker);
    const drained = await expectDrained(outage);
    expect(await unpublishedOutboxRows()).toBe(0);
    const { found, resent } = await expectStreamInTopic(start, run.total);
    const partitions = await expectFullyReplicated();
    const { stopAt, downBy, restartAt, readyAt } = outage.marks;
    return (
      `${run.total} changes in ${run.seconds.toFixed(1)} s (${run.counts.creates} creates, ${run.counts.updates} updates, ${run.counts.deletes} deletes; ${WRITERS} writers), ` +
      `broker ${outage.broker} of ${nodes} (${outage.role.name}) ${CRASH ? 'killed' : 'stopped'} at #${stopAt} (down by #${downBy}, moved to broker ${outage.movedTo}), ` +
      `restarted at #${restartAt} (ready at #${readyAt}); drained ${drained.seconds.toFixed(1)} s after the stream: ` +
      `${drained.compared} products equal row for row, 0 unpublished, ${found}/${found} outbox events found in ${PRODUCT_EVENTS_TOPIC} (${resent} re-sent duplicates), ` +
      `${partitions} partitions of ${clusterTopics.length} topics with 3 replicas all in sync, min.insync.replicas=2`
    );
  }

  it('the leader of product.events/0 stops: nothing lost, the replica equals the source, every outbox event is in the topic', async () => {
    // Setup
    const start = await expectHealthyClusterAndMarkStart();
    const broker = await leaderOfPartition0.holder();

    // Action
    const run = await streamThroughOutage({
      seed,
      broker,
      role: leaderOfPartition0,
      crash: CRASH,
      scenario: LEADER_RUN,
    });
    console.log(`broker failover timeline: ${run.outage.timeline.join('; ')}`);

    // Checks
    const summary = await expectNothingLost(run, start);
    expectNoConsumerCrash(apps.consumer, start.at);
    console.log(`broker failover: ${summary}`);
  });

  it('the group coordinator stops: product-consumer rejoins at the new one in place (no crash, no restart), nothing lost', async () => {
    // Setup
    const start = await expectHealthyClusterAndMarkStart();
    const broker = await coordinatorOfGroup.holder();
    const pid = apps.consumer.pid;

    // Action
    const run = await streamThroughOutage({
      seed: seed + 1,
      broker,
      role: coordinatorOfGroup,
      crash: CRASH,
      scenario: COORDINATOR_RUN,
    });
    console.log(`coordinator failover timeline: ${run.outage.timeline.join('; ')}`);

    // Checks
    const summary = await expectNothingLost(run, start);
    const rejoinedAfter = expectRejoinedInPlace(apps.consumer, {
      pid,
      runFrom: start.at,
      stoppedAt: run.outage.stoppedAt ?? start.at,
    });
    console.log(
      `coordinator failover: product-consumer (pid ${pid}) rejoined in place ${rejoinedAfter.toFixed(1)} s after the stop, no kafkajs crash; ${summary}`,
    );
  });
});
