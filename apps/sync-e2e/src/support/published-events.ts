import { PRODUCT_EVENTS_TOPIC, type ProductEvent } from '@nestjs-kafka-sync/contracts';
import type { AppProcess } from './app-process.js';
import { recordsSince } from './kafka.js';
import type { PublishedEvent, RelayFailure } from './relay-order.js';

/** The records product.events received since `since` (from topicEnds), as checkRelayOrder reads them. */
export async function publishedEventsSince(since: Map<number, bigint>): Promise<PublishedEvent[]> {
  return (await recordsSince(PRODUCT_EVENTS_TOPIC, since)).map(({ partition, message }) => {
    const { productId, version, eventId } = JSON.parse(String(message.value)) as ProductEvent;
    return { productId, version, eventId, timestamp: Number(message.timestamp), at: `${partition}@${message.offset}` };
  });
}

/**
 * The failed relay attempts the relays logged ("relay failed", OutboxRelay), each as the second
 * before the test read the line up to that moment: the failed attempt's records were sent before
 * the line, the retry comes after it and a backoff, and a line reaches the test well within a second.
 */
export function loggedRelayFailures(relays: AppProcess[]): RelayFailure[] {
  return relays.flatMap((relay) =>
    relay.linesMatching(/relay failed/).map(({ at, text }) => ({ from: at - 1000, to: at, what: text.trim() })),
  );
}
