// Brings up what the apps need: Kafka (fetched from Maven Central, unless KAFKA_BROKERS is set),
// the two PostgreSQL databases, their roles (infra/db-roles.mjs), their migrations and the topics. Safe to run again.
// Needs libs/contracts built (the topics come from it): `npm run infra:up` builds it first.
import { pathToFileURL } from 'node:url';
import { redactUrl } from '@nestjs-kafka-sync/prisma-offline';
import { setUpDatabases } from './db-roles.mjs';
import { databaseRoles, external, stackEnv } from './env.mjs';
import { localKafkaRunning, startKafka, stopKafka } from './kafka.mjs';
import { ensureDatabases, migrate } from './postgres.mjs';
import { log } from './run.mjs';
import { ensureTopics } from './topics.mjs';

/**
 * Returns the stack's environment and whether this call started the local broker (so it may stop it).
 * @param {import('./env.mjs').Profile} profile
 */
export async function up(profile) {
  const env = stackEnv(profile);
  let startedKafka = false;
  if (external.kafka) {
    log(`using the Kafka at ${env.KAFKA_BROKERS}`);
  } else if (!localKafkaRunning(profile)) {
    await startKafka(profile);
    startedKafka = true;
  }
  try {
    if (databaseRoles) {
      await setUpDatabases(env, process.env, { mayStartLocal: !external.postgres });
    } else {
      await ensureDatabases([env.API_DATABASE_URL, env.CATALOG_DATABASE_URL], { mayStartLocal: false });
      await migrate('apps/api-service', env);
      await migrate('apps/product-consumer', env);
    }
    await ensureTopics(env.KAFKA_BROKERS);
  } catch (error) {
    if (startedKafka) await stopKafka(profile).catch(() => undefined); // leave nothing running behind a failure
    throw error;
  }
  return { env, startedKafka };
}

/** @param {string | undefined} name */
function profileNamed(name = 'dev') {
  if (name === 'dev' || name === 'test' || name === 'cluster') return name;
  throw new Error(`unknown profile ${name}: expected dev, test or cluster`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { env } = await up(profileNamed(process.argv[2]));
  log(`ready: Kafka ${env.KAFKA_BROKERS}, ${redactUrl(env.API_DATABASE_URL)}, ${redactUrl(env.CATALOG_DATABASE_URL)}`);
}
