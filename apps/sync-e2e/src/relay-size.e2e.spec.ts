import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, call, replicated } from './support/api.js';
import { AppProcess } from './support/app-process.js';
import { closeDatabases, resetDatabases } from './support/databases.js';
import { e2eEnv } from './support/env.js';
import { eventually } from './support/eventually.js';
import { skipToEndOfTopic } from './support/kafka.js';
import { scrape, sampleSum } from './support/metrics.js';
import { insertOutboxEvents, parkingOf, rowsWithSku } from './support/outbox.js';
import { heavyEvent, relayHealth } from './support/relay.js';
import { appKafkaEnv } from './support/secure-broker.js';
import { apps } from './support/stack.js';
import { limitTopicBytes } from './support/topic-config.js';

/** Low enough for 2,000 two-byte characters to pass it, high enough for any ordinary product. */
const api4k = new AppProcess('api-service', `${e2eEnv.apiUrl}/health`, {
  ...appKafkaEnv('api-service'),
  PRODUCT_EVENT_MAX_BYTES: '4096',
});
const create = (name: string) => api.create({ sku: `${name}-${randomUUID().slice(0, 8)}`, name, price: 1, stock: 1 });

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
    const big = {
      sku: `HUGE-${randomUUID().slice(0, 8)}`,
      name: 'huge',
      price: 1,
      stock: 1,
      description: 'é'.repeat(2000),
    };
    const { status, body } = await call<{ errors: unknown; written: boolean }>('POST', '/products', big);
    expect({ status, errors: body.errors, written: body.written }).toEqual({
      status: 413,
      errors: [{ field: 'description', reason: expect.stringContaining('over the 4096 bytes') }],
      written: false,
    });
    expect(await rowsWithSku(big.sku)).toEqual([0, 0]);
  });

  it('splits a burst under the topic limit; parks what no request can carry (row, metric, /health); others flow', async () => {
    await replicated((await create('FIRST')).id, 1); // the relay has learned the topic's limit (1 MiB)
    const restore = await limitTopicBytes(PRODUCT_EVENTS_TOPIC, 8192); // lowered behind its back
    try {
      const [refused, known] = [heavyEvent({ escaped: true }), heavyEvent({ escaped: true })];
      await insertOutboxEvents(refused); // sent, refused as MESSAGE_TOO_LARGE
      await replicated((await create('AFTER')).id, 1);
      const logFrom = apps.producer.log.length;
      const productId = randomUUID(); // six versions, 17 kB in one batch for one partition: three requests
      await insertOutboxEvents(known, ...[1, 2, 3, 4, 5, 6].map((version) => heavyEvent({ productId, version })));
      await replicated(productId, 6);
      await replicated((await create('LAST')).id, 1);
      expect(apps.producer.log.slice(logFrom)).not.toContain('sending one by one'); // split before sending
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
