// `npm start`: the whole system on this machine. Builds, brings up Kafka and PostgreSQL, starts the
// three apps (restarting one that crashes), prints where they are, and on Ctrl-C stops the apps and then the broker it started.
import { setTimeout as sleep } from 'node:timers/promises';
import { devKeyEnv, devKeyHint } from './dev-key.mjs';
import { stopKafka } from './kafka.mjs';
import { APPS } from './apps.mjs';
import { controlSocketPath } from './supervise.mjs';
import { Supervisor } from './supervisor.mjs';
import { log, messageOf, repoRoot, run } from './run.mjs';

await run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=stream']);
// Imported once built: up.mjs takes the topics from libs/contracts' build.
const { up } = await import('./up.mjs');
const { PRODUCT_EVENTS_TOPIC } = await import('@nestjs-kafka-sync/contracts');
const { env, startedKafka } = await up('dev');

// A crashed app is restarted with backoff; `npm run app -- stop|start|restart <app>` talks to this process.
// Logs are JSON lines unless a person watches: then pino-pretty (LOG_FORMAT set by hand wins).
const logFormat = process.env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json');
const supervisor = new Supervisor(APPS, { ...env, ...devKeyEnv(), LOG_FORMAT: logFormat });
const control = supervisor.listen(controlSocketPath(repoRoot, process.env));
for (const app of APPS) supervisor.start(app.name);

let stopping = false;
/** @param {number} exitCode */
async function shutdown(exitCode) {
  if (stopping) return;
  stopping = true;
  log('stopping the apps');
  control.close();
  await supervisor.stopAll();
  if (startedKafka) await stopKafka('dev').catch((e) => log(messageOf(e)));
  process.exit(exitCode);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/**
 * Resolves once the app's /health answers 200.
 * @param {import('./apps.mjs').App} app
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
  for (const line of devKeyHint(env.API_SERVICE_PORT)) log(line);
  log(
    `  Kafka         ${env.KAFKA_BROKERS}  (watch it: npm run kafka -- console-consume --topic ${PRODUCT_EVENTS_TOPIC} --from-beginning)`,
  );
  log('Ctrl-C stops everything; a crashed app is restarted. npm run app -- stop|start|restart <app>, npm run tail');
}
