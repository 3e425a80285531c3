import { DEAD_LETTER_TOPIC } from './dead-letter.js';
import { PRODUCT_EVENTS_TOPIC } from './product-event.js';
import { SYNC_ACKS_TOPIC } from './sync-ack.js';

/** A topic the project owns, as infra/topics.mjs creates it (or brings it in line) on any cluster. */
export interface TopicDefinition {
  readonly topic: string;
  readonly numPartitions: number;
  /** Topic-level settings, as Kafka's configs name them. */
  readonly config: Readonly<Record<string, string>>;
}

const HOUR_MS = 60 * 60 * 1000;

export const TOPICS: readonly TopicDefinition[] = [
  // Compacted: Kafka keeps at least the latest event of every product for good, so a new replica can
  // be built from the topic alone (npm run rebuild-catalog). Deletes are ordinary `product.deleted`
  // events, not null-value tombstones, so compaction never drops them: a rebuild always learns that a
  // product is gone. min.compaction.lag.ms keeps every version for an hour first, for consumers that
  // are briefly behind. Several partitions give parallelism; per-product order relies on the key.
  {
    topic: PRODUCT_EVENTS_TOPIC,
    numPartitions: 3,
    config: { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': String(HOUR_MS) },
  },
  // Acks only matter until api-service has read them: a week, Kafka's default retention.
  { topic: SYNC_ACKS_TOPIC, numPartitions: 3, config: { 'cleanup.policy': 'delete' } },
  // Dead letters wait for a person: kept four weeks, not compacted (every failure is its own record).
  {
    topic: DEAD_LETTER_TOPIC,
    numPartitions: 1,
    config: { 'cleanup.policy': 'delete', 'retention.ms': String(28 * 24 * HOUR_MS) },
  },
];

export interface Replication {
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
}

/**
 * Replication follows the cluster's size: one copy on a single broker; on three or more brokers
 * three copies, of which two must have a write before it is acknowledged (min.insync.replicas 2
 * with the producers' acks=all), so one broker may stop without refusing or losing a write.
 * The one rule for the project's topics (infra/topics.mjs) and a local broker's own defaults and
 * internal topics (infra/kafka/kafka.sh). `factor` overrides the replication factor.
 */
export function replicationFor(brokerCount: number, factor = Math.min(brokerCount, 3)): Replication {
  if (!Number.isInteger(factor) || factor < 1)
    throw new Error(`replication factor must be a positive integer, got ${factor}`);
  return { replicationFactor: factor, minInsyncReplicas: factor >= 3 ? 2 : 1 };
}
