// `npm start`: the whole system on this machine. Builds, brings up Kafka and PostgreSQL, starts the
// three apps, prints where they are, and on Ctrl-C stops the apps and then the broker it started.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { stopKafka } from './kafka.mjs';
import { log, messageOf, repoRoot, run } from './run.mjs';

/**
 * @typedef {{
 *   name: string, color: number,
 *   port: 'API_SERVICE_PORT' | 'PRODUCT_PRODUCER_PORT' | 'PRODUCT_CONSUMER_PORT' | 'PIPELINE_VIEW_PORT',
 *   urls: (port: string) => string[],
 * }} App
 */

/** @type {App[]} */
const APPS = [
  {
    name: 'api-service',
    color: 32,
    port: 'API_SERVICE_PORT',
    urls: (p) => [`REST API      http://localhost:${p}/products`, `OpenAPI       http://localhost:${p}/docs`],
  },
  {
    name: 'product-producer',
    color: 35,
    port: 'PRODUCT_PRODUCER_PORT',
    urls: (p) => [`relay health  http://localhost:${p}/health`],
  },
  {
    name: 'product-consumer',
    color: 33,
    port: 'PRODUCT_CONSUMER_PORT',
    urls: (p) => [`replica       http://localhost:${p}/catalog/products`],
  },
  {
    name: 'pipeline-view',
    color: 34,
    port: 'PIPELINE_VIEW_PORT',
    urls: (p) => [`live view     http://localhost:${p}/`],
  },
];

await run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=stream']);
// Imported once built: up.mjs takes the topics from libs/contracts' build.
const { up } = await import('./up.mjs');
const { PRODUCT_EVENTS_TOPIC } = await import('@nestjs-kafka-sync/contracts');
const { env, startedKafka } = await up('dev');

const children = APPS.map((app) => {
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: `${repoRoot}apps/${app.name}`,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `\x1b[${app.color}m[${app.name}]\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? ''; // split always returns at least one element: the unfinished line
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${app.name} exited (${signal ?? code}); stopping everything`);
      void shutdown(1);
    }
  });
  return child;
});

let stopping = false;
/** @param {number} exitCode */
async function shutdown(exitCode) {
  if (stopping) return;
  stopping = true;
  log('stopping the apps');
  await Promise.all(
    children.map(
      (child) =>
        /** @type {Promise<void>} */ (
          new Promise((resolve) =>
            child.exitCode !== null || child.signalCode !== null
              ? resolve()
              : (child.once('exit', () => resolve()), child.kill('SIGTERM')),
          )
        ),
    ),
  );
  if (startedKafka) await stopKafka('dev').catch((e) => log(messageOf(e)));
  process.exit(exitCode);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/**
 * Resolves once the app's /health answers 200.
 * @param {App} app
 */
async function healthy(app) {
  const url = `http://127.0.0.1:${env[app.port]}/health`;
  for (let waited = 0; !stopping; waited += 500) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (waited === 30_000) log(`still waiting for ${app.name} (${url})`);
    await sleep(500);
  }
}

await Promise.all(APPS.map(healthy));
if (!stopping) {
  log('\x1b[1mthe system is up:\x1b[0m');
  for (const app of APPS) for (const line of app.urls(env[app.port])) log(`  ${line}`);
  log(
    `  Kafka         ${env.KAFKA_BROKERS}  (watch it: npm run kafka -- console-consume --topic ${PRODUCT_EVENTS_TOPIC} --from-beginning)`,
  );
  log('Ctrl-C stops everything.');
}
