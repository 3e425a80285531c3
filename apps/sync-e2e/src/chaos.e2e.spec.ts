import { DEAD_LETTER_TOPIC } from '@nestjs-kafka-sync/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppProcess } from './support/app-process.js';
import { unpublishedOutboxRows } from './support/databases.js';
import { deadLettersSince, topicEnds } from './support/kafka.js';
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
    console.log(`chaos: seed ${seed} (repeat with CHAOS_SEED=${seed})`);
    await Promise.all([secondProducer.start(), secondConsumer.start()]);
    const dlqFrom = await topicEnds(DEAD_LETTER_TOPIC);
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
    console.log(
      `chaos: ${counts.creates} creates, ${counts.updates} updates, ${counts.deletes} deletes in ${writeSeconds.toFixed(1)} s; ` +
        `SIGKILLs ${[...kills].map(([label, n]) => `${label} ×${n}`).join(', ')}; ` +
        `drained in ${((Date.now() - started) / 1000 - writeSeconds).toFixed(1)} s more; ` +
        `${compared} products equal row for row (all fields and version), 0 unpublished outbox rows, 0 dead letters`,
    );
  });
});
