import type { KafkaContext } from '@nestjs/microservices';
import type { Consumer } from 'kafkajs';

/** kafkajs error types that say the group has moved on: this member must rejoin to keep its place. */
const REBALANCE_TYPES = new Set(['REBALANCE_IN_PROGRESS', 'ILLEGAL_GENERATION']);
/** kafkajs error types after which a consumer must rejoin its group (it then looks up the coordinator again). */
const REJOIN_TYPES = new Set([...REBALANCE_TYPES, 'NOT_COORDINATOR_FOR_GROUP']);

/** The first error in `error`'s cause chain whose kafkajs type is one of `types`. */
function causeOfType(error: unknown, types: ReadonlySet<string>): Error | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (types.has((current as { type?: string }).type ?? '')) return current;
  }
  return undefined;
}

/**
 * The error inside a failed heartbeat that says the group is rebalancing, if any. Unlike rejoinCause
 * it leaves out NOT_COORDINATOR: a broker that has just restarted answers that while it loads the
 * group, which keeps this member; that is one more transient failure to wait out, not a reason to rejoin.
 */
export function rebalanceCause(error: unknown): Error | undefined {
  return causeOfType(error, REBALANCE_TYPES);
}

/**
 * The error inside a failed offset commit that should make kafkajs rejoin the group, if any.
 * kafkajs retries a commit against a coordinator that has moved (its broker stopped) until its
 * retries run out and then wraps the error, which makes it crash and restart the consumer some
 * 30 s later (tulios/kafkajs#1069). Handed the NOT_COORDINATOR error itself, it rejoins at once
 * and finds the new coordinator; the record, not committed, is processed again (stale, harmless).
 */
export function rejoinCause(error: unknown): Error | undefined {
  return causeOfType(error, REJOIN_TYPES);
}

/**
 * Commits the offset after the record a Kafka handler is processing: call it once the record is
 * done for good (its database transaction committed). See rejoinCause for what a failure throws.
 */
export async function commitProcessed(context: KafkaContext): Promise<void> {
  const next = (BigInt(context.getMessage().offset) + 1n).toString();
  await context
    .getConsumer()
    .commitOffsets([{ topic: context.getTopic(), partition: context.getPartition(), offset: next }])
    .catch((error: unknown) => {
      throw rejoinCause(error) ?? error;
    });
}

/**
 * Commits a partition's offset after `lastOffset`, the last record of a batch dealt with for good
 * (all of it committed to the database). One commit per batch; failures as in commitProcessed.
 */
export async function commitBatchProcessed(
  consumer: Consumer,
  where: { topic: string; partition: number; lastOffset: string },
): Promise<void> {
  const offset = (BigInt(where.lastOffset) + 1n).toString();
  await consumer.commitOffsets([{ topic: where.topic, partition: where.partition, offset }]).catch((error: unknown) => {
    throw rejoinCause(error) ?? error;
  });
}
