import { decodeSyncAck, SYNC_ACKS_TOPIC, type SyncAckStatus } from '@nestjs-kafka-sync/contracts';
import { recordsSince } from './kafka.js';

/**
 * What product-consumer acknowledged since `since` (from topicEnds(SYNC_ACKS_TOPIC)): for each
 * event id, the statuses of its acks in the order they were sent (one product's acks share a partition).
 */
export async function acksByEvent(since: Map<number, bigint>): Promise<Map<string, SyncAckStatus[]>> {
  const byEvent = new Map<string, SyncAckStatus[]>();
  for (const { message } of await recordsSince(SYNC_ACKS_TOPIC, since)) {
    const ack = decodeSyncAck(message.value);
    if (!ack.ok) throw new Error(`an ack that breaks the contract: ${ack.reason}`);
    const { eventId, status } = ack.value;
    if (eventId) byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), status]);
  }
  return byEvent;
}

/** The events (of `eventIds`) whose acks `allowed` refuses, each as "id: statuses"; empty when all are as expected. */
export function ackedOtherwise(
  eventIds: string[],
  acks: Map<string, SyncAckStatus[]>,
  allowed: (statuses: SyncAckStatus[]) => boolean,
): string[] {
  return eventIds
    .filter((id) => !allowed(acks.get(id) ?? []))
    .map((id) => `${id}: ${acks.get(id)?.join(',') ?? 'no ack'}`);
}

/** Applied exactly once; any further ack (a redelivery) says stale. */
export const appliedOnceThenStale = (statuses: SyncAckStatus[]) =>
  statuses[0] === 'applied' && statuses.slice(1).every((s) => s === 'stale');

/** Applied exactly once and nothing else: no redelivery. */
export const appliedOnce = (statuses: SyncAckStatus[]) => statuses.join() === 'applied';
