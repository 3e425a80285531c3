import { DEAD_LETTER_TOPIC, PRODUCT_EVENTS_TOPIC, SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConfigResourceTypes } from 'kafkajs';
import { withAdmin } from '../support/kafka.js';

/**
 * The three-broker cluster the test runs against, started by infra/kafka/kafka.sh with the
 * cluster profile (`npm run test:cluster` passes KAFKA_NODES, KAFKA_PORT, KAFKA_HOME_DIR, ...).
 * Broker ids are kafka.sh's node ids.
 */
const kafkaScript = fileURLToPath(new URL('../../../../infra/kafka/kafka.sh', import.meta.url));

export const clusterTopics = [PRODUCT_EVENTS_TOPIC, SYNC_ACKS_TOPIC, DEAD_LETTER_TOPIC];

/** Fails unless the environment names a local multi-node cluster kafka.sh can stop nodes of. */
export function requireLocalCluster(): number {
  const nodes = Number(process.env.KAFKA_NODES ?? 0);
  if (nodes < 3 || !process.env.KAFKA_HOME_DIR) {
    throw new Error('KAFKA_NODES (>= 3) and KAFKA_HOME_DIR are not set: run this suite through `npm run test:cluster`');
  }
  return nodes;
}

/** Runs infra/kafka/kafka.sh with the cluster's environment; resolves with its output, rejects with it. */
export function kafkaSh(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [kafkaScript, ...args], { env: process.env, timeout: 120_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`kafka.sh ${args.join(' ')} failed: ${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

/**
 * The broker that coordinates a consumer group, as Kafka's own tool reports it
 * (`kafka-consumer-groups --describe --state`: "GROUP  COORDINATOR (ID)  ..."). kafkajs keeps its
 * FindCoordinator call internal, so the tool is the one public way to ask.
 */
export async function groupCoordinator(groupId: string): Promise<number> {
  const out = await kafkaSh('consumer-groups', '--describe', '--group', groupId, '--state');
  const line = out.split('\n').find((l) => l.startsWith(`${groupId} `));
  const id = line?.match(/^\S+\s+\S+\s+\((\d+)\)/)?.[1];
  if (id === undefined) throw new Error(`no coordinator for ${groupId} in:\n${out}`);
  return Number(id);
}

export interface PartitionState {
  topic: string;
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
}

export function partitionStates(topics = clusterTopics): Promise<PartitionState[]> {
  return withAdmin(async (admin) =>
    (await admin.fetchTopicMetadata({ topics })).topics.flatMap((t) =>
      t.partitions.map((p) => ({
        topic: t.name,
        partition: p.partitionId,
        leader: p.leader,
        replicas: p.replicas,
        isr: p.isr,
      })),
    ),
  );
}

export async function leaderOf(topic: string, partition: number): Promise<number> {
  const state = (await partitionStates([topic])).find((p) => p.partition === partition);
  if (!state || state.leader < 0) throw new Error(`${topic}/${partition} has no leader`);
  return state.leader;
}

/** min.insync.replicas of each topic, as the brokers report it (topic override or cluster default). */
export function minInsyncReplicas(topics = clusterTopics): Promise<Map<string, number>> {
  return withAdmin(async (admin) => {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configNames: ['min.insync.replicas'],
      })),
    });
    return new Map(
      resources.map((r) => [
        r.resourceName,
        Number(r.configEntries.find((e) => e.configName === 'min.insync.replicas')?.configValue),
      ]),
    );
  });
}
