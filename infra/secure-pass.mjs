// @ts-check
// `npm test`'s secured sync pass: the whole sync e2e (apps/sync-e2e/src/sync.e2e.spec.ts) once more,
// against the secured local broker (profile `secure`: SASL_SSL, SCRAM-SHA-512 users, ACLs), with
// api-service, product-producer and product-consumer each connecting as its own user, so the ACLs
// of infra/kafka/secure-acls.mjs are proven to be enough for the whole pipeline, and not more than
// the kafka-security spec allows. The spec's own clients (offsets, poison, dead letters) are admin.
import { join } from 'node:path';
import { kafkaEnv, stopKafka } from './kafka.mjs';
import { secureClientEnv } from './kafka/secure-client.mjs';
import { log, messageOf, repoRoot, run } from './run.mjs';

/**
 * Brings up the secure profile (broker, its databases, migrations), runs the sync spec against it,
 * and stops the broker again if it started it. Needs the build (up.mjs takes the topics from it).
 * @param {string} resultsDir where Vitest's JSON results go
 */
export async function secureSyncPass(resultsDir) {
  const began = Date.now();
  const seconds = (/** @type {number} */ from) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
  const { up } = await import('./up.mjs');
  const secretsDir = join(kafkaEnv('secure').KAFKA_HOME_DIR, 'secrets');
  // up() checks the topics with the Kafka security of this process's environment (infra/topics.mjs'
  // default): the admin's, for that call only, so nothing started later inherits admin's credentials.
  const { env, startedKafka } = await withEnv(secureClientEnv(secretsDir, 'admin'), () => up('secure'));
  log(`secured sync pass: broker and databases up in ${seconds(began)}`);
  const specsBegan = Date.now();
  try {
    const report = ['--reporter=default', '--reporter=json', `--outputFile.json=${resultsDir}/sync-e2e-secure.json`];
    await run('npx', ['vitest', 'run', ...report, 'src/sync.e2e.spec.ts'], {
      cwd: `${repoRoot}apps/sync-e2e`,
      env: { ...env, SECURE_KAFKA_SECRETS_DIR: secretsDir },
    });
  } finally {
    log(`secured sync pass: the sync spec took ${seconds(specsBegan)}`);
    if (startedKafka) await stopKafka('secure').catch((e) => log(messageOf(e)));
    log(`secured sync pass: ${seconds(began)} in all`);
  }
}

/**
 * Runs `use` with `vars` added to process.env, then puts process.env back as it was.
 * @template T
 * @param {Record<string, string>} vars
 * @param {() => Promise<T>} use
 */
async function withEnv(vars, use) {
  const before = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    return await use();
  } finally {
    for (const [name, value] of Object.entries(before))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  }
}
