import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { api, catalogProduct, replicated } from './support/api.js';
import { e2eEnv } from './support/env.js';
import { eventually } from './support/eventually.js';
import { dashboardMetrics, familyOf } from './support/dashboard-metrics.js';
import { metricFamilies, sampleSum, scrape, scrapeText, type Sample } from './support/metrics.js';
import { useRunningSystem } from './support/stack.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const CREATES = 6;
const UPDATES = 4;
const DELETES = 2;
const EVENTS = CREATES + UPDATES + DELETES;

const urls = { api: e2eEnv.apiUrl, producer: e2eEnv.producerUrl, consumer: e2eEnv.consumerUrl };
type Scrapes = Record<keyof typeof urls, Sample[]>;

async function scrapeAll(): Promise<Scrapes> {
  const [api, producer, consumer] = await Promise.all(Object.values(urls).map(scrape));
  return { api, producer, consumer };
}

/** How much a sample moved between two scrapes of one app. */
const moved = (before: Sample[], after: Sample[], name: string, labels: Record<string, string> = {}) =>
  sampleSum(after, name, labels) - sampleSum(before, name, labels);

describe('/metrics of the three apps, against a known stream of changes', () => {
  useRunningSystem();

  it(`moves every counter by exactly what ${CREATES} creates, ${UPDATES} updates and ${DELETES} deletes did`, async () => {
    const before = await scrapeAll();

    const products = [];
    for (let i = 0; i < CREATES; i++)
      products.push(await api.create({ sku: `MET-${randomUUID().slice(0, 8)}`, name: `m${i}`, price: 1, stock: i }));
    for (let i = 0; i < UPDATES; i++) await api.patch(products[i].id, { stock: 100 + i });
    const deleted = products.slice(-DELETES);
    for (const product of deleted) await api.remove(product.id);
    for (const [i, product] of products.entries())
      await replicated(product.id, deleted.includes(product) ? null : i < UPDATES ? 2 : 1);
    // The relay marks its rows after Kafka's ack, a moment after the consumer may already have them.
    await eventually(async () => expect(sampleSum(await scrape(urls.api), 'outbox_unpublished_events')).toBe(0));

    const afterSync = await scrapeAll();
    // Exactly one catalog read per product, after replication: the survivors answer 200, the deleted 404.
    for (const product of products) await catalogProduct(product.id);
    const after = await scrapeAll();

    const http = 'http_request_duration_seconds_count';
    expect(moved(before.api, after.api, http, { method: 'POST', route: '/products', status_code: '201' })).toBe(
      CREATES,
    );
    expect(moved(before.api, after.api, http, { method: 'PATCH', route: '/products/:id', status_code: '200' })).toBe(
      UPDATES,
    );
    expect(moved(before.api, after.api, http, { method: 'DELETE', route: '/products/:id', status_code: '204' })).toBe(
      DELETES,
    );
    const read = (status: string) => ({ method: 'GET', route: '/catalog/products/:id', status_code: status });
    expect(moved(afterSync.consumer, after.consumer, http, read('200'))).toBe(CREATES - DELETES);
    expect(moved(afterSync.consumer, after.consumer, http, read('404'))).toBe(DELETES);

    expect(moved(before.producer, after.producer, 'outbox_relay_published_events_total')).toBe(EVENTS);
    expect(moved(before.producer, after.producer, 'outbox_relay_ack_latency_seconds_count')).toBe(EVENTS);
    expect(moved(before.producer, after.producer, 'outbox_relay_publish_errors_total')).toBe(0);

    expect(sampleSum(after.api, 'outbox_unpublished_events')).toBe(0);
    expect(sampleSum(after.api, 'outbox_oldest_unpublished_age_seconds')).toBe(0);

    // The consumer counts a batch once its acks are sent, a moment after its rows are visible.
    const records = (outcome: string) => (now: typeof before.consumer) =>
      moved(before.consumer, now, 'sync_consumer_records_total', { outcome });
    const consumer = await eventually(async () => {
      const now = await scrape(urls.consumer);
      expect(records('applied')(now)).toBe(EVENTS);
      return now;
    });
    for (const outcome of ['stale', 'rejected', 'dead-lettered']) expect(records(outcome)(consumer), outcome).toBe(0);
    expect(moved(before.consumer, consumer, 'sync_consumer_batch_size_sum')).toBe(EVENTS);
    expect(moved(before.consumer, consumer, 'sync_latency_seconds_count')).toBe(EVENTS);
    expect(moved(before.consumer, consumer, 'sync_consumer_dead_letters_total')).toBe(0);
    expect(moved(before.consumer, consumer, 'sync_consumer_transient_retries_total')).toBe(0);
    console.log(
      `metrics: api POST/PATCH/DELETE +${CREATES}/+${UPDATES}/+${DELETES}, relay published +${EVENTS}, outbox empty, ` +
        `consumer applied +${EVENTS} in ${moved(before.consumer, consumer, 'sync_consumer_batch_size_count')} batches, ` +
        `sync latency observed ${EVENTS} times`,
    );
  });

  it('reports the lag of both consumer groups per partition, 0 once everything is consumed', async () => {
    const lag = await eventually(async () => {
      const samples = (await scrape(urls.api)).filter((s) => s.name === 'kafka_consumergroup_lag');
      expect(samples.filter((s) => s.labels.topic === 'product.events')).toHaveLength(3);
      expect(samples.filter((s) => s.labels.topic === 'product.sync-acks').length).toBeGreaterThan(0);
      expect(samples.filter((s) => s.value !== 0)).toEqual([]);
      return samples;
    });
    expect(new Set(lag.map((s) => s.labels.group))).toEqual(new Set([e2eEnv.consumerGroupId, 'api-service-sync-acks']));
  });

  it("labels every series with its app, and exports product-consumer's record, batch, latency and dead-letter metrics", async () => {
    const scrapes = await scrapeAll();
    for (const [app, samples] of Object.entries(scrapes)) {
      const name = { api: 'api-service', producer: 'product-producer', consumer: 'product-consumer' }[app];
      expect(samples.length).toBeGreaterThan(0);
      expect(samples.filter((s) => s.labels.app !== name)).toEqual([]);
    }
    const names = new Set(scrapes.consumer.map((s) => s.name));
    for (const name of ['sync_consumer_records_total', 'sync_consumer_dead_letters_total'])
      expect(names, name).toContain(name);
    for (const outcome of ['applied', 'stale', 'rejected', 'dead-lettered'])
      expect(
        scrapes.consumer.some((s) => s.name === 'sync_consumer_records_total' && s.labels.outcome === outcome),
      ).toBe(true);
  });

  it('exports every metric the Grafana dashboard queries', async () => {
    const texts = await Promise.all(Object.values(urls).map(scrapeText));
    const families = new Set(texts.flatMap((text) => [...metricFamilies(text)]));
    const queried = dashboardMetrics(`${repoRoot}deploy/observability/grafana/dashboards/nestjs-kafka-sync.json`);

    expect(queried.length).toBeGreaterThan(10);
    expect(queried.filter((metric) => !familyOf(metric, families))).toEqual([]);
    console.log(`dashboard: all ${queried.length} metrics it queries are exported`);
  });
});
