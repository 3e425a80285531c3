import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createKafka, kafkaSecurityFromEnv, type KafkaSecurity } from '@nestjs-kafka-sync/kafka-kit';
import { logLevel, type Kafka } from 'kafkajs';
import type { AppName } from './app-process.js';

const infra = (file: string) =>
  pathToFileURL(fileURLToPath(new URL(`../../../../infra/${file}`, import.meta.url))).href;

/** What infra/env.mjs, infra/kafka.mjs and infra/kafka/secure-client.mjs offer (plain JavaScript, typed here). */
interface Infra {
  kafkaEnv: (profile: 'secure') => Record<string, string>;
  localKafkaRunning: (profile: 'secure') => boolean;
  startKafka: (profile: 'secure') => Promise<void>;
  stopKafka: (profile: 'secure') => Promise<void>;
  secureClientEnv: (secretsDir: string, user: string) => Record<string, string>;
}

export type SecureUser = 'admin' | 'product-producer' | 'product-consumer' | 'api-service';

const { secureClientEnv } = (await import(infra('kafka/secure-client.mjs'))) as Pick<Infra, 'secureClientEnv'>;

/**
 * Set by `npm test`'s secured sync pass (infra/secure-pass.mjs): the secured broker's secrets
 * directory. Then every app of the specs connects as its own SCRAM user, and the specs' own Kafka
 * clients (offsets, raw records, dead letters) as admin; unset, all speak PLAINTEXT as before.
 */
const securedRunSecrets = process.env.SECURE_KAFKA_SECRETS_DIR;

/** The SCRAM user each app runs as; pipeline-view has none (the secured pass does not start it). */
const APP_USERS: Partial<Record<AppName, SecureUser>> = {
  'api-service': 'api-service',
  'product-producer': 'product-producer',
  'product-consumer': 'product-consumer',
};

/** The Kafka settings an app is started with (KAFKA_SSL, KAFKA_SASL_*): in the secured pass its own user's, else none. */
export function appKafkaEnv(app: AppName): Record<string, string> {
  const user = APP_USERS[app];
  return securedRunSecrets && user ? secureClientEnv(securedRunSecrets, user) : {};
}

/** The same for the specs' own clients and the scripts they run (infra/topics.mjs): admin in the secured pass. */
export const testKafkaEnv: Record<string, string> = securedRunSecrets
  ? secureClientEnv(securedRunSecrets, 'admin')
  : {};
export const testKafkaSecurity: KafkaSecurity = securedRunSecrets ? kafkaSecurityFromEnv(testKafkaEnv) : {};

/**
 * The secured local broker (infra profile `secure`: SASL_SSL, SCRAM users, ACLs), on its own ports
 * and home dir beside the test stack. Started here unless already running; stop() stops only what start() started.
 */
export async function secureBroker() {
  const { kafkaEnv, localKafkaRunning, startKafka, stopKafka } = (await import(infra('kafka.mjs'))) as Infra;
  const { KAFKA_HOME_DIR, KAFKA_PORT } = kafkaEnv('secure');
  const secretsDir = join(KAFKA_HOME_DIR, 'secrets');
  const brokers = [`127.0.0.1:${KAFKA_PORT}`];
  const started = !localKafkaRunning('secure');
  if (started) await startKafka('secure');
  return {
    brokers,
    /** A user's settings as an app would get them from its env (KAFKA_SSL, KAFKA_SASL_*). */
    security: (user: SecureUser): KafkaSecurity => kafkaSecurityFromEnv(secureClientEnv(secretsDir, user)),
    clientEnv: (user: SecureUser) => secureClientEnv(secretsDir, user),
    stop: () => (started ? stopKafka('secure') : Promise.resolve()),
  };
}

/** A kafkajs client through the project's kafkaClientConfig, failing fast (refusals are what these tests expect). */
export function quickClient(brokers: string[], security: KafkaSecurity | undefined, clientId: string): Kafka {
  return createKafka({ clientId, brokers, security }, undefined, {
    logLevel: logLevel.NOTHING,
    // An idempotent producer needs retries; refusals (authentication, authorization) are never retried.
    retry: { retries: 1, initialRetryTime: 100 },
    connectionTimeout: 3000,
    authenticationTimeout: 3000,
    requestTimeout: 10_000,
  });
}
