import { DEAD_LETTER_TOPIC, PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppProcess } from './support/app-process.js';
import { unpublishedOutboxRows } from './support/databases.js';
import { deadLettersSince, recordsSince, topicEnds } from './support/kafka.js';
import { drainedAndEqual } from './support/pipeline.js';
import { seededRandom } from './support/seeded-random.js';
import { apps, extraConsumer, extraProducer, useRunningSystem } from './support/stack.js';
import { WriteStream } from './support/write-stream.js';

const OPERATIONS = 2000;
const PRODUCTS = 300;

describe('chaos: random writes while producers and consumers are killed with SIGKILL', () => {
  useRunningSystem();
  const secondProducer = extraProducer(1);
  const secondConsumer = extraConsumer(1);
  afterAll(() => Promise.all([secondProducer.stop(), secondConsumer.stop()]));

  it(`${OPERATIONS} REST operations over ${PRODUCTS} products; afterwards the replica equals the source, the outbox is drained, the DLQ is empty`, async () => {
    const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = seededRandom(seed);
    console.log(
      `chaos: seed ${seed} (CHAOS_SEED=${seed} repeats the random choices; HTTP and process timing still vary)`,
    );
    await Promise.all([secondProducer.start(), secondConsumer.start()]);
    const dlqFrom = await topicEnds(DEAD_LETTER_TOPIC);
    const eventsFrom = await topicEnds(PRODUCT_EVENTS_TOPIC);
    const victims: AppProcess[] = [apps.producer, secondProducer, apps.consumer, secondConsumer];
    const kills = new Map(victims.map((v) => [v.label, 0]));
    const started = Date.now();

    const writes = new WriteStream({ products: PRODUCTS, concurrency: 6, maxOps: OPERATIONS, random });
    writes.start();
    let writing = true;
    const writer = (async () => {
      await writes.reach(OPERATIONS);
      writing = false;
    })();

    // One process down at a time, at random moments (every process once first), restarted after a random pause.
    const firstRounds = [apps.consumer, apps.producer, secondConsumer, secondProducer];
    let round = 0;
    while (writing || round < 6) {
      await sleep(300 + random() * 1500);
      const victim = firstRounds[round] ?? victims[Math.floor(random() * victims.length)];
      await victim.stop('SIGKILL');
      kills.set(victim.label, (kills.get(victim.label) ?? 0) + 1);
      await sleep(200 + random() * 1500);
      await victim.start();
      round += 1;
    }
    await writer;
    const counts = await writes.stop();
    const writeSeconds = (Date.now() - started) / 1000;

    expect(victims.every((v) => v.running)).toBe(true);
    const compared = await drainedAndEqual({ timeoutMs: 240_000 });
    expect(await unpublishedOutboxRows()).toBe(0);
    const deadLetters = await deadLettersSince(dlqFrom);
    expect(deadLetters.map((l) => `${l.errorClass}: ${l.reason}`)).toEqual([]);

    // Per product, the topic holds its versions in order: each record is a new, higher version or a
    // re-send of one already there (a relay killed before marking its batch). The replica alone could
    // not show a reordering: its version guard would have ignored the late, older version.
    const seen = new Map<string, { max: number; versions: Set<number> }>();
    const outOfOrder: string[] = [];
    let events = 0;
    let resent = 0;
    for (const { partition, message } of await recordsSince(PRODUCT_EVENTS_TOPIC, eventsFrom)) {
      const { productId, version } = JSON.parse(String(message.value)) as { productId: string; version: number };
      const product = seen.get(productId) ?? { max: 0, versions: new Set<number>() };
      if (product.versions.has(version)) resent += 1;
      else if (version < product.max)
        outOfOrder.push(`${productId} v${version} after v${product.max} (${partition}@${message.offset})`);
      product.versions.add(version);
      product.max = Math.max(product.max, version);
      seen.set(productId, product);
      events += 1;
    }
    expect(outOfOrder).toEqual([]);
    console.log(
      `chaos: ${counts.creates} creates, ${counts.updates} updates, ${counts.deletes} deletes in ${writeSeconds.toFixed(1)} s; ` +
        `SIGKILLs ${[...kills].map(([label, n]) => `${label} ×${n}`).join(', ')}; ` +
        `drained in ${((Date.now() - started) / 1000 - writeSeconds).toFixed(1)} s more; ` +
        `${compared} products equal row for row (all fields and version), 0 unpublished outbox rows, 0 dead letters; ` +
        `${events} records on product.events in per-product version order (${resent} re-sent after a relay was killed)`,
    );
  });
});
