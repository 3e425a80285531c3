// The local broker(s) of a profile, through infra/kafka/kafka.sh. Apart from up.mjs so stopping
// them (npm run infra:down, npm test's clean-up) needs nothing built.
import { spawnSync } from 'node:child_process';
import { LOCAL_KAFKA } from './env.mjs';
import { repoRoot, run } from './run.mjs';

const kafkaScript = 'infra/kafka/kafka.sh';

/**
 * The environment infra/kafka/kafka.sh needs to act on a profile's local broker(s).
 * @param {import('./env.mjs').Profile} profile
 */
export function kafkaEnv(profile) {
  const { KAFKA_HOME_DIR, ...ports } = LOCAL_KAFKA[profile];
  return { ...ports, KAFKA_HOME_DIR: `${repoRoot}${KAFKA_HOME_DIR}` };
}

/** @param {import('./env.mjs').Profile} profile */
export function localKafkaRunning(profile) {
  const status = spawnSync('bash', [kafkaScript, 'status'], {
    cwd: repoRoot,
    stdio: 'ignore',
    env: { ...process.env, ...kafkaEnv(profile) },
  });
  return status.status === 0;
}

/** @param {import('./env.mjs').Profile} profile */
export async function startKafka(profile) {
  await run('bash', [kafkaScript, 'start'], { env: kafkaEnv(profile) });
}

/**
 * Stops the local broker of a profile: only ever the process kafka.sh started.
 * @param {import('./env.mjs').Profile} profile
 */
export async function stopKafka(profile) {
  await run('bash', [kafkaScript, 'stop'], { env: kafkaEnv(profile) });
}
