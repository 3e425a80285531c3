import { AppProcess } from './app-process.js';
import { e2eEnv } from './env.js';

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
