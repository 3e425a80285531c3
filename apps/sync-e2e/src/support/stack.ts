import { afterAll, beforeAll } from 'vitest';
import { AppProcess } from './app-process.js';
import { closeDatabases, resetDatabases } from './databases.js';
import { e2eEnv } from './env.js';
import { recreateProductEventsTopic, skipToEndOfTopic } from './kafka.js';
import { appKafkaEnv } from './secure-broker.js';

/**
 * Consumers in these tests give a dead instance's partitions away after 10 s instead of 30 s, and
 * retry a failing record at least every 2 s, so failover and recovery fit in a test's time.
 */
export const CONSUMER_TEST_SETTINGS = { KAFKA_SESSION_TIMEOUT_MS: '10000', TRANSIENT_RETRY_MAX_MS: '2000' };

/**
 * The three apps of the system, each a separate process, as in production; against the secured
 * broker (npm test's secured sync pass), each as its own Kafka user (appKafkaEnv).
 */
export const apps = {
  producer: new AppProcess('product-producer', `${e2eEnv.producerUrl}/health`, appKafkaEnv('product-producer')),
  consumer: new AppProcess('product-consumer', `${e2eEnv.consumerUrl}/health`, {
    ...appKafkaEnv('product-consumer'),
    ...CONSUMER_TEST_SETTINGS,
  }),
  api: new AppProcess('api-service', `${e2eEnv.apiUrl}/health`, appKafkaEnv('api-service')),
};

/**
 * One more product-consumer in the same consumer group, on its own HTTP port (13001 + 10·n in
 * tests). Its Kafka client id is its label, so its group member id (`<client id>-<uuid>`) says which instance it is.
 */
export function extraConsumer(n: number): AppProcess {
  const port = Number(new URL(e2eEnv.consumerUrl).port) + 10 * n;
  const label = `product-consumer-${n + 1}`;
  return new AppProcess(
    'product-consumer',
    `http://127.0.0.1:${port}/health`,
    {
      ...appKafkaEnv('product-consumer'),
      ...CONSUMER_TEST_SETTINGS,
      PRODUCT_CONSUMER_PORT: String(port),
      KAFKA_CLIENT_ID: label,
    },
    label,
  );
}

/** One more product-producer relaying the same outbox, on its own HTTP port. */
export function extraProducer(n: number): AppProcess {
  const port = Number(new URL(e2eEnv.producerUrl).port) + 10 * n;
  return new AppProcess(
    'product-producer',
    `http://127.0.0.1:${port}/health`,
    { ...appKafkaEnv('product-producer'), PRODUCT_PRODUCER_PORT: String(port) },
    `product-producer-${n + 1}`,
  );
}

export async function startAll(): Promise<void> {
  await Promise.all(Object.values(apps).map((app) => app.start()));
}

export async function stopAll(): Promise<void> {
  await Promise.all(Object.values(apps).map((app) => app.stop()));
}

/**
 * A test file's lifecycle: empty databases, the consumer group past earlier records (or, with
 * freshTopic, a new product.events holding only this file's events), the three apps started
 * before its tests and stopped after them.
 */
export function useRunningSystem({ freshTopic = false } = {}): void {
  beforeAll(async () => {
    if (freshTopic) await recreateProductEventsTopic();
    await resetDatabases();
    await skipToEndOfTopic();
    await startAll();
  });
  afterAll(async () => {
    await stopAll();
    await closeDatabases();
  });
}

/**
 * One more api-service with its own edge settings (a low rate limit, reads that need a key, CORS
 * origins…), on its own port and its own ack group, so its limits throttle no other test.
 */
export function edgeApi(port: number, settings: Record<string, string>): AppProcess {
  return new AppProcess(
    'api-service',
    `http://127.0.0.1:${port}/health`,
    {
      ...appKafkaEnv('api-service'),
      API_SERVICE_PORT: String(port),
      SYNC_ACKS_GROUP_ID: `api-service-sync-acks-${port}`,
      ...settings,
    },
    `api-service-${port}`,
  );
}
