/** One record of product.events, as the order check needs it. */
export interface PublishedEvent {
  productId: string;
  version: number;
  eventId: string;
  /** The record's CreateTime: when the relay's producer built the request, in ms (same clock as the test's). */
  timestamp: number;
  /** partition@offset, to name the record in a failure. */
  at: string;
}

/** A span of time in which a relay's attempt failed: a SIGKILL (from just before the signal to the exit), or a logged failure. */
export interface RelayFailure {
  from: number;
  to: number;
  what: string;
}

export interface RelayOrder {
  /** Everything the relay cannot legitimately have published; empty when the topic is as it must be. */
  violations: string[];
  /** Records that are another copy of an event already on the topic. */
  resent: number;
  /** How many times a product's events started again from an earlier version (one per failed attempt and product). */
  restarts: number;
}

interface ProductTrail {
  last: PublishedEvent;
  /** The version the current relay attempt started from, as far as the topic shows: the last restart (or v1). */
  attemptFrom: number;
  /** The latest copy of each version seen. */
  copies: Map<number, PublishedEvent>;
}

/**
 * Checks the records of product.events (in topic order; one product's share one partition) against
 * what the outbox relay may publish (apps/product-producer/src/outbox/outbox.store.ts):
 * - Under the advisory lock, an attempt takes the oldest unpublished rows in id order; one product's
 *   versions are inserted in version order, each after the previous one committed, so an attempt
 *   sends each product a run of consecutive versions starting at its first unpublished one, in
 *   order, and marks them all published in the same transaction.
 * - If the attempt fails after some of its records reached Kafka (the relay SIGKILLed between
 *   Kafka's ack and the commit of its marks, or a send that failed after part of it landed), nothing
 *   is marked, and the next attempt, by either relay, starts again from the same first unpublished
 *   version: the legitimate duplicates are exactly these re-sends of the same rows (same event ids),
 *   each a run restarting at a version not below the previous restart, and each only after a relay
 *   failure that happened between the two copies.
 * So per product: the first record is v1; each next one is the next version, or a restart at a
 * version between the current attempt's start and the last one sent, with a relay failure between
 * the earlier copy and this one. Anything else is an error: a gap (a version missing or late), a
 * version older than the current attempt's start, two different events with one version, or a
 * re-send with no failure in between, which is what two relays publishing at once would produce.
 */
export function checkRelayOrder(records: PublishedEvent[], failures: RelayFailure[]): RelayOrder {
  const trails = new Map<string, ProductTrail>();
  const violations: string[] = [];
  let resent = 0;
  let restarts = 0;
  for (const record of records) {
    const { productId: id, version } = record;
    const trail = trails.get(id);
    if (!trail) {
      if (version !== 1) violations.push(`${id} starts at v${version} (${record.at}), not at v1`);
      trails.set(id, { last: record, attemptFrom: version, copies: new Map([[version, record]]) });
      continue;
    }
    const earlier = trail.copies.get(version);
    if (earlier) resent += 1;
    if (earlier && earlier.eventId !== record.eventId)
      violations.push(`${id} v${version}: two different events, ${earlier.eventId} and ${record.eventId}`);
    const last = trail.last.version;
    if (version > last + 1) violations.push(`${id} v${version} (${record.at}) follows v${last}: a version is missing`);
    else if (version <= last && !earlier) violations.push(`${id} v${version} (${record.at}) arrives after v${last}`);
    else if (version <= last && version < trail.attemptFrom)
      violations.push(
        `${id} v${version} (${record.at}) restarts below v${trail.attemptFrom}, where the last re-send started`,
      );
    else if (version <= last && earlier) {
      restarts += 1;
      trail.attemptFrom = version;
      if (!failures.some((f) => earlier.timestamp <= f.to && record.timestamp >= f.from))
        violations.push(
          `${id} v${version} re-sent (${earlier.at} at ${earlier.timestamp}, again ${record.at} at ${record.timestamp}) with no relay failure in between`,
        );
    }
    trail.last = record;
    trail.copies.set(version, record);
  }
  return { violations, resent, restarts };
}
