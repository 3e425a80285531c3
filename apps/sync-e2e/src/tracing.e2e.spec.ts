import { randomBytes, randomUUID } from 'node:crypto';
import { PRODUCT_EVENTS_TOPIC, SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { describe, expect, it } from 'vitest';
import { authFor, call, type Product } from './support/api.js';
import { eventually } from './support/eventually.js';
import { rawHeaders, recordsWithKey, topicEnds } from './support/kafka.js';
import { OtlpReceiver } from './support/otlp-receiver.js';
import { apps, edgeApi, useRunningSystem } from './support/stack.js';

/** The JSON log lines of an app that carry a trace id. */
const linesOfTrace = (log: string, traceId: string) =>
  log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { trace_id?: string; msg: string; req?: { id: string } })
    .filter((line) => line.trace_id === traceId);

describe('one change followed end to end by its W3C trace context', () => {
  useRunningSystem();

  it("a request's traceparent reaches the Kafka record, product-consumer's apply, the ack and api-service's log", async () => {
    // Arrange: a caller's trace, as a gateway or another service would send it.
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    const [eventsFrom, acksFrom] = [await topicEnds(PRODUCT_EVENTS_TOPIC), await topicEnds(SYNC_ACKS_TOPIC)];

    // Act
    const created = await call<Product>(
      'POST',
      '/products',
      { sku: `TRACE-${randomUUID().slice(0, 8)}`, name: 'Traced', price: 1, stock: 1 },
      { traceparent, 'x-request-id': `trace-test-${traceId.slice(0, 8)}`, Prefer: 'wait-for-sync=10000' },
    );

    // Assert: the write answered in-sync, so every hop below has happened.
    expect(created.status).toBe(201);
    expect(created.body.sync.status).toBe('in-sync');
    const [event] = await recordsWithKey(PRODUCT_EVENTS_TOPIC, eventsFrom, created.body.id);
    expect(rawHeaders(event.message).traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const [ack] = await recordsWithKey(SYNC_ACKS_TOPIC, acksFrom, created.body.id);
    expect(rawHeaders(ack.message).traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    await eventually(async () => {
      const applied = linesOfTrace(apps.consumer.log, traceId).map((line) => line.msg);
      expect(applied).toContainEqual(expect.stringMatching(new RegExp(`applied .*${created.body.id} v1`)));
      const api = linesOfTrace(apps.api.log, traceId);
      expect(api.map((line) => line.msg)).toContainEqual(
        expect.stringMatching(`product ${created.body.id} v1 applied`),
      );
      expect(api.find((line) => line.req)?.req?.id).toBe(`trace-test-${traceId.slice(0, 8)}`);
    });
    console.log(
      `trace ${traceId}: HTTP request → outbox → ${PRODUCT_EVENTS_TOPIC} → apply → ${SYNC_ACKS_TOPIC} → api-service`,
    );
  });

  it('exports its spans over OTLP when an endpoint is configured', async () => {
    // Arrange: a collector stand-in, and an api-service told to export to it (quickly, for the test).
    const collector = new OtlpReceiver();
    const endpoint = await collector.start();
    const exporting = edgeApi(13_050, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' });
    await exporting.start();
    try {
      // Act
      const traceId = randomBytes(16).toString('hex');
      const response = await fetch('http://127.0.0.1:13050/products', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
          ...authFor('POST', '/products'),
        },
        body: JSON.stringify({ sku: `OTLP-${randomUUID().slice(0, 8)}`, name: 'Exported', price: 1, stock: 1 }),
      });

      // Assert: the request's server span reached the collector, in the caller's trace.
      expect(response.status).toBe(201);
      await eventually(async () =>
        expect(collector.spans).toContainEqual({ traceId, name: 'POST /products', service: 'api-service' }),
      );
      console.log(`OTLP: ${collector.spans.length} spans received, the request's among them`);
    } finally {
      await exporting.stop();
      await collector.stop();
    }
  });
});
