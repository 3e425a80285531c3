import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { productEvent } from '@nestjs-kafka-sync/contracts/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, call, replicated } from './support/api.js';
import { AppProcess } from './support/app-process.js';
import { apiDb, closeDatabases, resetDatabases } from './support/databases.js';
import { e2eEnv } from './support/env.js';
import { eventually } from './support/eventually.js';
import { skipToEndOfTopic } from './support/kafka.js';
import { scrape, sampleSum } from './support/metrics.js';
import { insertOutboxEvent, parkingOf } from './support/outbox.js';
import { appKafkaEnv } from './support/secure-broker.js';
import { apps } from './support/stack.js';
import { limitTopicMessageBytes } from './support/topic-config.js';

/** Low enough for a 2,000-character description to pass it, high enough for any ordinary product. */
const api4k = new AppProcess('api-service', `${e2eEnv.apiUrl}/health`, {
  ...appKafkaEnv('api-service'),
  PRODUCT_EVENT_MAX_BYTES: '4096',
});
const sku = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const create = (prefix: string) => api.create({ sku: sku(prefix), name: prefix, price: 1, stock: 1 });
/** The issue's ~13 kB event: 2,000 control characters JSON escapes to six bytes each. */
const bloated = () => productEvent({ product: { sku: sku('BIG'), description: '\u0001'.repeat(2000) } });
const relayHealth = async () =>
  ((await (await fetch(`${e2eEnv.producerUrl}/health`)).json()) as { info: Record<string, unknown> }).info[
    'outbox-relay'
  ];

beforeAll(async () => {
  await resetDatabases();
  await skipToEndOfTopic();
  await Promise.all([apps.producer.start(), apps.consumer.start(), api4k.start()]);
});
afterAll(async () => {
  await Promise.all([apps.producer.stop(), apps.consumer.stop(), api4k.stop()]);
  await closeDatabases();
});

describe('events too large for product.events', () => {
  it('a write whose event passes PRODUCT_EVENT_MAX_BYTES answers 413 naming the field, and writes nothing', async () => {
    const big = { sku: sku('HUGE'), name: 'huge', price: 1, stock: 1, description: 'é'.repeat(2000) };
    const { status, body } = await call<{ errors: unknown; written: boolean }>('POST', '/products', big);
    expect({ status, errors: body.errors, written: body.written }).toEqual({
      status: 413,
      errors: [{ field: 'description', reason: expect.stringContaining('over the 4096 bytes') }],
      written: false,
    });
    const [products, outbox] = await Promise.all([
      apiDb.query('SELECT 1 FROM products WHERE sku = $1', [big.sku]),
      apiDb.query(`SELECT 1 FROM outbox_events WHERE payload->'product'->>'sku' = $1`, [big.sku]),
    ]);
    expect([products.rowCount, outbox.rowCount]).toEqual([0, 0]);
  });

  it('a record the broker refuses is parked (row, metric, /health) and other products keep replicating', async () => {
    await replicated((await create('FIRST')).id, 1); // the relay has learned the topic's limit (1 MiB)
    const restore = await limitTopicMessageBytes(PRODUCT_EVENTS_TOPIC, 8192); // lowered behind its back
    try {
      const [refused, known] = [bloated(), bloated()];
      await insertOutboxEvent(refused); // sent, refused as MESSAGE_TOO_LARGE
      const after = await create('AFTER');
      await replicated(after.id, 1);
      await insertOutboxEvent(known); // over the limit the relay has read again: never sent
      await replicated((await create('LAST')).id, 1);
      // Marked in the relay's transaction, which commits just after Kafka's ack: may trail the replica a moment.
      const [first, second] = await eventually(async () => {
        const rows = await Promise.all([parkingOf(refused.eventId), parkingOf(known.eventId)]);
        expect(rows.map((r) => [r.parked, r.published])).toEqual([
          [true, false],
          [true, false],
        ]);
        return rows;
      });
      expect(first.reason).toContain('refused by the broker');
      expect(second.reason).toContain('over the 8192 bytes');
      const health = await relayHealth();
      expect(health).toMatchObject({
        status: 'up',
        parked: 2,
        unpublished: 0,
        newestParked: { eventId: known.eventId },
      });
      expect(sampleSum(await scrape(e2eEnv.producerUrl), 'outbox_relay_parked_events_total')).toBe(2);
      console.log(`parked: ${first.reason}; ${second.reason}`);
    } finally {
      await restore();
    }
  });
});
