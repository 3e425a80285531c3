import { afterAll, beforeAll } from 'vitest';
import { AppProcess } from './app-process.js';
import { closeDatabases, resetDatabases } from './databases.js';
import { e2eEnv } from './env.js';
import { recreateProductEventsTopic, skipToEndOfTopic } from './kafka.js';

/** The three apps of the system, each a separate process, as in production. */
export const apps = {
  producer: new AppProcess('product-producer', `${e2eEnv.producerUrl}/health`),
  consumer: new AppProcess('product-consumer', `${e2eEnv.consumerUrl}/health`),
  api: new AppProcess('api-service', `${e2eEnv.apiUrl}/health`),
};

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
