// Brings up what the apps need: Kafka (fetched from Maven Central, unless KAFKA_BROKERS is set),
// the two PostgreSQL databases, their migrations and the topics. Safe to run again.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { external, LOCAL_KAFKA, stackEnv } from './env.mjs';
import { ensureDatabases, migrate } from './postgres.mjs';
import { log, repoRoot, run } from './run.mjs';
import { ensureTopics } from './topics.mjs';

const kafkaScript = 'infra/kafka/kafka.sh';

/** The environment infra/kafka/kafka.sh needs to act on a profile's local broker(s). */
export function kafkaEnv(profile) {
  const { KAFKA_HOME_DIR, ...ports } = LOCAL_KAFKA[profile];
  return { ...ports, KAFKA_HOME_DIR: `${repoRoot}${KAFKA_HOME_DIR}` };
}

function localKafkaRunning(profile) {
  return (
    spawnSync('bash', [kafkaScript, 'status'], {
      cwd: repoRoot,
      stdio: 'ignore',
      env: { ...process.env, ...kafkaEnv(profile) },
    }).status === 0
  );
}

/** Returns the stack's environment and whether this call started the local broker (so it may stop it). */
export async function up(profile) {
  const env = stackEnv(profile);
  let startedKafka = false;
  if (external.kafka) {
    log(`using the Kafka at ${env.KAFKA_BROKERS}`);
  } else if (!localKafkaRunning(profile)) {
    await run('bash', [kafkaScript, 'start'], { env: kafkaEnv(profile) });
    startedKafka = true;
  }
  try {
    await ensureDatabases([env.API_DATABASE_URL, env.CATALOG_DATABASE_URL], { mayStartLocal: !external.postgres });
    await migrate('apps/api-service', env);
    await migrate('apps/product-consumer', env);
    await ensureTopics(env.KAFKA_BROKERS);
  } catch (error) {
    if (startedKafka) await stopKafka(profile).catch(() => undefined); // leave nothing running behind a failure
    throw error;
  }
  return { env, startedKafka };
}

/** Stops the local broker of a profile: only ever the process kafka.sh started. */
export async function stopKafka(profile) {
  await run('bash', [kafkaScript, 'stop'], { env: kafkaEnv(profile) });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { env } = await up(process.argv[2] ?? 'dev');
  log(`ready: Kafka ${env.KAFKA_BROKERS}, ${env.API_DATABASE_URL}, ${env.CATALOG_DATABASE_URL}`);
}
