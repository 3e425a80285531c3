// @ts-check
// What the benchmark runs against: the stack it starts itself (test profile), or one already running.
import kafkajs from 'kafkajs';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOCAL_KAFKA, stackEnv } from '../../env.mjs';
import { log, repoRoot, run } from '../../run.mjs';
import { APPS, appUrl, healthy, startApps, waitHealthy } from './apps.mjs';

const PROFILE = 'test';

/**
 * @typedef {object} Stack
 * @property {Record<string, string>} env
 * @property {string} apiUrl
 * @property {() => Promise<void>} stop stops only what this call started
 * @property {Record<string, number> | null} pids the apps' processes, when this call started them
 */

/**
 * libs/kafka-kit, imported once openStack has built it: on a fresh clone its dist does not exist before, and a
 * static import would fail `npm run bench` before it could build anything.
 * @type {typeof import('@nestjs-kafka-sync/kafka-kit') | undefined}
 */
let kafkaKit;

/** @param {{ useRunning: boolean, build: boolean, profile: boolean }} options @returns {Promise<Stack>} */
export async function openStack({ useRunning, build, profile }) {
  if (build) await run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static']);
  kafkaKit = await import('@nestjs-kafka-sync/kafka-kit');
  // Imported once built: the topics may come from libs/contracts' build.
  const { up } = await import('../../up.mjs');
  if (useRunning) {
    const env = /** @type {Record<string, string>} */ (stackEnv(PROFILE));
    for (const app of APPS)
      if (!(await healthy(env, app)))
        throw new Error(`--use-running: ${app.name} does not answer at ${appUrl(env, app)}`);
    return { env, apiUrl: appUrl(env, APPS[0]), stop: async () => undefined, pids: null };
  }
  const { env, startedKafka } = /** @type {{ env: Record<string, string>, startedKafka: boolean }} */ (
    await up(PROFILE)
  );
  const stopKafkaIfStarted = () => (startedKafka ? stopTestBroker() : Promise.resolve());
  try {
    await emptyTestData(env);
  } catch (error) {
    await stopKafkaIfStarted();
    throw error;
  }
  const apps = startApps(env, profile);
  const stop = async () => {
    log('bench: stopping the apps' + (startedKafka ? ' and the broker' : ''));
    await apps.stop();
    await stopKafkaIfStarted();
  };
  try {
    await waitHealthy(env, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { env, apiUrl: appUrl(env, APPS[0]), stop, pids: apps.pids };
}

/** Stops the test profile's local broker: only ever the process infra/kafka/kafka.sh started. */
function stopTestBroker() {
  const { KAFKA_HOME_DIR, ...ports } = LOCAL_KAFKA[PROFILE];
  return run('bash', ['infra/kafka/kafka.sh', 'stop'], {
    env: { ...ports, KAFKA_HOME_DIR: `${repoRoot}${KAFKA_HOME_DIR}` },
  });
}

/**
 * Before the apps start: empty databases and a product.events topic holding only this run's events,
 * so the rebuild replays exactly what the run produced (the test profile's data; npm test empties it too).
 * @param {Record<string, string>} env
 */
async function emptyTestData(env) {
  log('bench: emptying the test databases and recreating product.events');
  const { ensureTopics } = await import('../../topics.mjs');
  for (const [url, tables] of [
    [env.API_DATABASE_URL, 'products, outbox_events, product_sync_state'],
    [env.CATALOG_DATABASE_URL, 'catalog_products, product_tombstones'],
  ]) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`TRUNCATE ${tables}`).finally(() => client.end());
  }
  const admin = benchAdmin(env, 'bench');
  await admin.connect();
  try {
    if ((await admin.listTopics()).includes('product.events')) await admin.deleteTopics({ topics: ['product.events'] });
    // Deletion completes in the background; creating it again fails until then (bounded).
    for (let attempt = 1; ; attempt++) {
      /** @type {unknown} */
      let failure = 'product.events has no leader yet';
      try {
        await ensureTopics(env.KAFKA_BROKERS);
        const [topic] = (await admin.fetchTopicMetadata({ topics: ['product.events'] })).topics;
        if (topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0)) return;
      } catch (error) {
        failure = error;
      }
      if (attempt >= 60) throw failure instanceof Error ? failure : new Error(String(failure));
      await sleep(1000);
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * A quiet kafkajs admin for the benchmark's own chores, secured like every client of the project.
 * @param {Record<string, string>} env
 * @param {string} clientId
 */
export function benchAdmin(env, clientId) {
  return new kafkajs.Kafka({
    clientId,
    brokers: env.KAFKA_BROKERS.split(','),
    logLevel: kafkajs.logLevel.NOTHING,
    ...kafkaKit?.kafkaSecurityFromEnv({ ...process.env, ...env }),
  }).admin();
}
