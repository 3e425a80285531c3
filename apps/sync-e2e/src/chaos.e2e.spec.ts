import { DEAD_LETTER_TOPIC, PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { unpublishedOutboxRows } from './support/databases.js';
import { deadLettersSince, topicEnds } from './support/kafka.js';
import { killAtRandom } from './support/kill-schedule.js';
import { drainedAndEqual } from './support/pipeline.js';
import { loggedRelayFailures, publishedEventsSince } from './support/published-events.js';
import { checkRelayOrder } from './support/relay-order.js';
import { runSeed, streamRandom } from './support/seeded-random.js';
import { apps, extraConsumer, extraProducer, useRunningSystem } from './support/stack.js';
import { WriteStream } from './support/write-stream.js';

const OPERATIONS = 2000;
const PRODUCTS = 300;
const WRITERS = 6;

describe('chaos: random writes while producers and consumers are killed with SIGKILL', () => {
  // First, before anything can fail: the seed is what repeats a failed run.
  const seed = runSeed(process.env.CHAOS_SEED);
  console.log(
    `chaos: seed ${seed} (CHAOS_SEED=${seed} repeats every writer's writes and the kill schedule; how they interleave still varies)`,
  );
  useRunningSystem();
  const secondProducer = extraProducer(1);
  const secondConsumer = extraConsumer(1);
  afterAll(() => Promise.all([secondProducer.stop(), secondConsumer.stop()]));

  it(`${OPERATIONS} REST operations over ${PRODUCTS} products; afterwards the replica equals the source, the outbox is drained, the DLQ is empty`, async () => {
    // Setup: two relays and two consumers; where the topics end before the run.
    await Promise.all([secondProducer.start(), secondConsumer.start()]);
    const relays = [apps.producer, secondProducer];
    const victims = [...relays, apps.consumer, secondConsumer];
    const [dlqFrom, eventsFrom] = await Promise.all([topicEnds(DEAD_LETTER_TOPIC), topicEnds(PRODUCT_EVENTS_TOPIC)]);
    const started = Date.now();

    // Action: the writers, each with its own generator, and one process SIGKILLed at a time.
    const writes = new WriteStream({ products: PRODUCTS, concurrency: WRITERS, maxOps: OPERATIONS, seed });
    writes.start();
    let writing = true;
    const done = writes.reach(OPERATIONS).finally(() => (writing = false));
    done.catch(() => undefined); // a failed write is reported by `await done` below
    const chaos = await killAtRandom({
      victims,
      relays,
      firstRounds: [apps.consumer, apps.producer, secondConsumer, secondProducer],
      random: streamRandom(seed, WRITERS),
      writing: () => writing,
      minRounds: 6,
    });
    await done;
    const counts = await writes.stop();
    const writeSeconds = (Date.now() - started) / 1000;

    // Checks: no process died unless the test killed it; everything drained and equal, no dead letter.
    for (const app of [...victims, apps.api]) expect(app.unexpectedExits, app.label).toEqual([]);
    expect(victims.every((v) => v.running)).toBe(true);
    const compared = await drainedAndEqual({ timeoutMs: 240_000 });
    expect(await unpublishedOutboxRows()).toBe(0);
    const deadLetters = await deadLettersSince(dlqFrom);
    expect(deadLetters.map((l) => `${l.errorClass}: ${l.reason}`)).toEqual([]);

    // The topic holds each product's versions in order, re-sends only where a relay failed between
    // the two copies (see checkRelayOrder); the replica alone could not show it: its version guard
    // ignores a late, older version. The relay caught between ack and marking was re-sent.
    const events = await publishedEventsSince(eventsFrom);
    const order = checkRelayOrder(events, [...chaos.relayKills, ...loggedRelayFailures(relays)]);
    expect(order.violations).toEqual([]);
    const copies = (id: string) => events.filter((e) => e.eventId === id).length;
    const heldCopies = Math.max(...chaos.caught.heldEventIds.map(copies));
    expect(heldCopies, 'most copies of a row held while a relay was caught').toBeGreaterThanOrEqual(2);
    expect(order.resent).toBeGreaterThan(0);
    console.log(
      `chaos: ${counts.creates} creates, ${counts.updates} updates, ${counts.deletes} deletes in ${writeSeconds.toFixed(1)} s; ` +
        `SIGKILLs ${[...chaos.kills].map(([label, n]) => `${label} ×${n}`).join(', ')} (${chaos.caught.victim.label} once between Kafka's ack and marking); ` +
        `drained in ${((Date.now() - started) / 1000 - writeSeconds).toFixed(1)} s more; ` +
        `${compared} products equal row for row (all fields and version), 0 unpublished outbox rows, 0 dead letters; ` +
        `${events.length} records on product.events in per-product version order, ${order.resent} re-sent in ${order.restarts} restarts, each after a relay failure`,
    );
  });
});
