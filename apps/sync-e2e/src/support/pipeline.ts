import { expectReplicaEqualsSource, unpublishedOutboxRows } from './databases.js';
import { eventually } from './eventually.js';
import { liveGroupLag } from './kafka.js';

/**
 * Waits until the pipeline has nothing left in flight (every outbox row published, every record
 * of product.events committed by the consumer group), then throws on the first row where the
 * replica differs from the source. Returns how many products it compared.
 */
export async function drainedAndEqual({ timeoutMs = 120_000 } = {}): Promise<number> {
  await eventually(
    async () => {
      // In this order: a row is marked published only once Kafka has it, so the lag read next counts it.
      const unpublished = await unpublishedOutboxRows();
      const lag = await liveGroupLag();
      if (unpublished > 0 || lag > 0)
        throw new Error(`not drained: ${unpublished} outbox rows unpublished, consumer lag ${lag}`);
    },
    { timeoutMs, intervalMs: 500 },
  );
  // The consumer commits an offset only after its database commit: no lag means the replica is final.
  return expectReplicaEqualsSource();
}
