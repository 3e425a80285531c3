import {
  DEAD_LETTER_TOPIC,
  DeadLetterHeaders,
  PRODUCT_EVENTS_TOPIC,
  type DeadLetter,
} from '@nestjs-kafka-sync/contracts';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { api, call, replicated, type Product } from './support/api.js';
import { catalogDb } from './support/databases.js';
import { eventually } from './support/eventually.js';
import { deadLettersSince, produceRaw, rawHeaders, recordsWithKey, topicEnds } from './support/kafka.js';
import { drainedAndEqual } from './support/pipeline.js';
import { validEvent } from './support/raw-events.js';
import { useRunningSystem } from './support/stack.js';

const dlqTool = fileURLToPath(new URL('../../product-consumer/dist/cli/dlq.js', import.meta.url));

/** Runs `npm run dlq -- …` as an operator would (the built CLI, the test environment). */
async function dlq(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [dlqTool, ...args], { env: process.env });
  return stdout;
}

/** Bad records of every kind the contract knows, each under a key of its own, with the verdict it must get. */
function poison() {
  const key = () => randomUUID();
  const event = validEvent();
  return [
    // The first three on partitions 0, 1 and 2: no partition is blocked by a poison record.
    {
      label: 'bad JSON',
      partition: 0,
      key: key(),
      value: '{this is not json',
      errorClass: 'unparseable',
      reason: /value is not valid JSON/,
    },
    {
      label: 'empty value',
      partition: 1,
      key: key(),
      value: null,
      errorClass: 'unparseable',
      reason: /value is empty/,
    },
    {
      label: 'schema version 2',
      partition: 2,
      key: key(),
      value: JSON.stringify({ ...event, schemaVersion: 2 }),
      errorClass: 'unsupported-schema-version',
      reason: /^schemaVersion: /,
    },
    {
      label: 'unknown type',
      key: key(),
      value: JSON.stringify({ ...event, type: 'product.archived' }),
      errorClass: 'unknown-event-type',
      reason: /^type: /,
    },
    {
      label: 'missing fields',
      key: key(),
      value: JSON.stringify({ schemaVersion: 1, type: 'product.updated', productId: randomUUID() }),
      errorClass: 'contract-violation',
      reason: /eventId: .*version: .*product: /,
    },
    {
      label: 'negative price',
      key: key(),
      value: JSON.stringify({ ...event, product: { ...event.product, price: '-5.00' } }),
      errorClass: 'contract-violation',
      reason: /^product\.price: must be a non-negative decimal/,
    },
  ];
}

describe('poison records go to product.events.dlq with their reason; the pipeline keeps going; replay works', () => {
  useRunningSystem();

  it('dead-letters six kinds of bad records among good ones, applies every good one, and says why for each', async () => {
    const dlqFrom = await topicEnds(DEAD_LETTER_TOPIC);
    const bad = poison();
    const good = async (n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          api.create({ sku: `GOOD-${randomUUID().slice(0, 8)}`, name: `good ${i}`, price: 2, stock: i }),
        ),
      );

    await good(10);
    const landed = await produceRaw(bad.map(({ key, value, partition }) => ({ key, value, partition })));
    expect(landed.slice(0, 3).map((l) => l.partition)).toEqual([0, 1, 2]);
    await good(10);
    const compared = await drainedAndEqual();

    const letters = await eventually(async () => {
      const found = await deadLettersSince(dlqFrom);
      if (found.length < bad.length) throw new Error(`${found.length} of ${bad.length} dead letters so far`);
      return found;
    });
    expect(letters).toHaveLength(bad.length);
    bad.forEach((record, i) => {
      const letter = letters.find((l) => l.original.key === record.key);
      expect(letter, `${record.label} was not dead-lettered`).toBeDefined();
      expect(letter).toMatchObject({
        errorClass: record.errorClass,
        reason: expect.stringMatching(record.reason),
        original: {
          topic: PRODUCT_EVENTS_TOPIC,
          partition: landed[i].partition,
          offset: landed[i].offset,
          key: record.key,
        },
        consumerGroup: process.env.KAFKA_GROUP_ID,
      });
      expect(letter?.value?.toString() ?? null).toBe(record.value);
      expect(Date.parse(letter?.failedAt ?? '')).not.toBeNaN();
    });
    for (const letter of letters)
      console.log(`dead letter ${letter.errorClass.padEnd(26)} ${letter.reason.slice(0, 90)}`);
    console.log(
      `poison: ${bad.length} bad records (on partitions 0-2 and more) dead-lettered with their reasons; 20 good ones applied; replica equals source over ${compared} products`,
    );

    const listed = await dlq('list', '--class', 'contract-violation');
    expect(listed).toMatch(/missing fields|eventId: /);
    expect(listed).toMatch(/product\.price: must be a non-negative decimal/);
    expect(await dlq('count')).toMatch(/unknown-event-type: \d+/);
    const status = await call<{ deadLetters: number }>('GET', '/sync/status');
    expect(status.body.deadLetters).toBeGreaterThanOrEqual(bad.length);
  });

  it('a change the replica refuses is dead-lettered, shows as failed, and is applied once replayed after the fix', async () => {
    const dlqFrom = await topicEnds(DEAD_LETTER_TOPIC);
    // A constraint only the replica has: the source accepts what the replica cannot store.
    await catalogDb.query(
      "ALTER TABLE catalog_products ADD CONSTRAINT e2e_replica_refuses CHECK (name <> 'refused by the replica')",
    );
    let product: Product;
    let letter: DeadLetter;
    try {
      product = await api.create({
        sku: `REFUSED-${randomUUID().slice(0, 8)}`,
        name: 'refused by the replica',
        price: 4,
        stock: 4,
      });
      [letter] = await eventually(async () => {
        const found = (await deadLettersSince(dlqFrom)).filter((l) => l.original.key === product.id);
        if (found.length === 0) throw new Error('not dead-lettered yet');
        return found;
      });
      expect(letter).toMatchObject({
        errorClass: 'database-rejected',
        reason: expect.stringMatching(/SQLSTATE 23514.*e2e_replica_refuses/),
      });
      await eventually(async () =>
        expect((await api.get(product.id)).sync).toMatchObject({
          status: 'failed',
          reason: expect.stringMatching(/23514/),
        }),
      );
      expect(await drainedAndEqual().catch((error: Error) => error.message)).toMatch(
        `product ${product.id} (v1) is missing from the replica`,
      );
    } finally {
      await catalogDb.query('ALTER TABLE catalog_products DROP CONSTRAINT IF EXISTS e2e_replica_refuses');
    }

    // Fixed: replay what the database refused. Applied, acknowledged, and api-service sees it in sync.
    const replayed = await dlq('replay', '--ids', `${letter.partition}@${letter.offset}`);
    expect(replayed).toContain(`(key ${product.id})`);
    expect(replayed).toMatch(/^1 replayed, 0 not replayable/m);
    await replicated(product.id, 1);
    await eventually(async () =>
      expect((await api.get(product.id)).sync).toEqual({ status: 'in-sync', replicatedVersion: 1, reason: null }),
    );
    const compared = await drainedAndEqual();

    // Replaying again is harmless: the replica already has that version, so it is stale, not dead-lettered.
    const before = await deadLettersSince(dlqFrom);
    expect(await dlq('replay', '--key', product.id, '--class', 'database-rejected')).toMatch(/^1 replayed/m);
    await drainedAndEqual();
    expect((await deadLettersSince(dlqFrom)).length).toBe(before.length);
    console.log(
      `replay: the refused change was dead-lettered, shown as failed, then applied by \`npm run dlq -- replay\`; a second replay was stale; ${compared} products equal`,
    );
  });

  it('a replayed record that is still broken is dead-lettered again, with its reason, not lost', async () => {
    const dlqFrom = await topicEnds(DEAD_LETTER_TOPIC);
    const eventsFrom = await topicEnds(PRODUCT_EVENTS_TOPIC);
    const key = randomUUID();
    await produceRaw([{ key, value: '{"still": "broken"', headers: { 'x-e2e-origin': 'hand-made' } }]);
    const [first] = await eventually(async () => waitForLetters(dlqFrom, key, 1));
    await dlq('replay', '--ids', `${first.partition}@${first.offset}`);
    await eventually(async () => waitForLetters(dlqFrom, key, 2));

    // Headers as Kafka holds them, nothing stripped: the reader used above drops every dlq-* header.
    const [original, replayed] = await recordsWithKey(PRODUCT_EVENTS_TOPIC, eventsFrom, key);
    const [, again] = await recordsWithKey(DEAD_LETTER_TOPIC, dlqFrom, key);
    // The replayed record says where it came from and carries none of the failure it came back from.
    expect(dlqHeaders(rawHeaders(replayed.message))).toEqual({
      [DeadLetterHeaders.replayedFrom]: `${DEAD_LETTER_TOPIC}/${first.partition}@${first.offset}`,
    });
    // Dead-lettered again: one set of dlq-* headers, each once, describing the replayed record's failure (not the first one's).
    const againHeaders = rawHeaders(again.message);
    expect(dlqHeaders(againHeaders)).toEqual({
      [DeadLetterHeaders.errorClass]: 'unparseable',
      [DeadLetterHeaders.reason]: expect.stringMatching(/value is not valid JSON/),
      [DeadLetterHeaders.originalTopic]: PRODUCT_EVENTS_TOPIC,
      [DeadLetterHeaders.originalPartition]: String(replayed.partition),
      [DeadLetterHeaders.originalOffset]: replayed.message.offset,
      [DeadLetterHeaders.originalKey]: key,
      [DeadLetterHeaders.failedAt]: expect.stringMatching(/^\d{4}-/),
      [DeadLetterHeaders.consumerGroup]: process.env.KAFKA_GROUP_ID,
    });
    expect(replayed.message.offset).not.toBe(original.message.offset);
    expect(againHeaders['x-e2e-origin']).toBe('hand-made'); // the record's own headers survive both trips, once
    console.log(
      `replay of a still-broken record: dead-lettered again at ${again.partition}@${again.message.offset} for the replayed record ${replayed.partition}@${replayed.message.offset}; raw dlq-* headers: ${Object.keys(dlqHeaders(againHeaders)).length}, no dlq-replayed-from`,
    );
  });
});

/** The dlq-* headers of a record, as read raw. */
function dlqHeaders(headers: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('dlq-')));
}

async function waitForLetters(since: Map<number, bigint>, key: string, count: number): Promise<DeadLetter[]> {
  const found = (await deadLettersSince(since)).filter((l) => l.original.key === key);
  if (found.length < count) throw new Error(`${found.length} dead letters for ${key}, want ${count}`);
  return found;
}
