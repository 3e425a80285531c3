// One place for the stack's addresses and ports. Anything already set in the environment wins:
// point KAFKA_BROKERS / API_DATABASE_URL / CATALOG_DATABASE_URL elsewhere and nothing local is started.
// API_DATABASE_URL and CATALOG_DATABASE_URL are admin URLs (infra and the tests use them); each app gets its
// own role's URL (infra/db-roles.mjs), unless the databases are the user's own (see `external`).
import { createHash } from 'node:crypto';
import { LOCAL_DATABASE_URLS } from '@nestjs-kafka-sync/prisma-offline';
import { appDatabaseUrls } from './db-roles.mjs';

/** @typedef {'dev' | 'test' | 'cluster' | 'secure'} Profile */

/**
 * What every process of a profile's stack is given.
 * @typedef {{
 *   API_DATABASE_URL: string, CATALOG_DATABASE_URL: string,
 *   API_SERVICE_PORT: string, PRODUCT_CONSUMER_PORT: string, PRODUCT_PRODUCER_PORT: string, PIPELINE_VIEW_PORT: string,
 *   KAFKA_GROUP_ID: string, CATALOG_GROUP_ID: string, KAFKA_BROKERS: string,
 * } & Partial<TestAccessEnv>} ProfileEnv
 */

/**
 * The test stacks' API keys. Not secrets: they open only the test databases on this machine, and the
 * test clients (apps/sync-e2e, the benchmark) need them in plain text. One key per role, so the
 * security test can try each route with a key that lacks its scope.
 */
export const TEST_API_KEYS = {
  writer: 'nks-test-key-products-write',
  admin: 'nks-test-key-admin',
  noScope: 'nks-test-key-no-scope',
  /** Both scopes, like npm start's development key: the tour's doc test runs the lessons with it. */
  learner: 'nks-test-key-learner',
};

/**
 * @typedef {{
 *   API_KEYS: string, RATE_LIMIT_PER_IP: string, RATE_LIMIT_PER_KEY: string,
 *   TEST_API_KEY_WRITER: string, TEST_API_KEY_ADMIN: string, TEST_API_KEY_NO_SCOPE: string, TEST_API_KEY_LEARNER: string,
 * }} TestAccessEnv
 */

/** @param {string} key */
const sha256 = (key) => createHash('sha256').update(key).digest('hex');

/**
 * The apps get the keys' hashes; the test clients the keys. Rate limits are off: the benchmark
 * drives thousands of requests a second from one address (the security test starts its own
 * throttled instance).
 * @type {TestAccessEnv}
 */
const TEST_ACCESS = {
  API_KEYS: JSON.stringify([
    { name: 'test-writer', scopes: ['products:write'], sha256: sha256(TEST_API_KEYS.writer) },
    { name: 'test-admin', scopes: ['admin'], sha256: sha256(TEST_API_KEYS.admin) },
    { name: 'test-no-scope', scopes: [], sha256: sha256(TEST_API_KEYS.noScope) },
    { name: 'test-learner', scopes: ['products:write', 'admin'], sha256: sha256(TEST_API_KEYS.learner) },
  ]),
  RATE_LIMIT_PER_IP: '0',
  RATE_LIMIT_PER_KEY: '0',
  TEST_API_KEY_WRITER: TEST_API_KEYS.writer,
  TEST_API_KEY_ADMIN: TEST_API_KEYS.admin,
  TEST_API_KEY_NO_SCOPE: TEST_API_KEYS.noScope,
  TEST_API_KEY_LEARNER: TEST_API_KEYS.learner,
};

/**
 * A local database's URL with its name suffixed: the same server, a profile's own database.
 * @param {string} url
 * @param {string} suffix
 */
function suffixed(url, suffix) {
  const renamed = new URL(url);
  renamed.pathname += suffix;
  return renamed.toString();
}

const { apiService, productCatalog } = LOCAL_DATABASE_URLS;

/** @type {Record<Profile, ProfileEnv>} */
const PROFILES = {
  // `npm start`
  dev: {
    API_DATABASE_URL: apiService,
    CATALOG_DATABASE_URL: productCatalog,
    API_SERVICE_PORT: '3000',
    PRODUCT_CONSUMER_PORT: '3001',
    PRODUCT_PRODUCER_PORT: '3002',
    PIPELINE_VIEW_PORT: '3003',
    KAFKA_GROUP_ID: 'product-catalog',
    CATALOG_GROUP_ID: 'product-catalog',
    KAFKA_BROKERS: '127.0.0.1:9092',
  },
  // `npm test`: its own broker, databases and ports, so it can run beside `npm start` and
  // neither ever sees the other's events.
  test: {
    API_DATABASE_URL: suffixed(apiService, '_test'),
    CATALOG_DATABASE_URL: suffixed(productCatalog, '_test'),
    API_SERVICE_PORT: '13000',
    PRODUCT_CONSUMER_PORT: '13001',
    PRODUCT_PRODUCER_PORT: '13002',
    PIPELINE_VIEW_PORT: '13003',
    KAFKA_GROUP_ID: 'product-catalog-test',
    CATALOG_GROUP_ID: 'product-catalog-test',
    KAFKA_BROKERS: '127.0.0.1:19092',
    ...TEST_ACCESS,
  },
  // `npm run test:cluster` (and the last part of `npm test`): three brokers, and again its own
  // databases, ports and group, so it can run beside both of the above.
  cluster: {
    API_DATABASE_URL: suffixed(apiService, '_cluster_test'),
    CATALOG_DATABASE_URL: suffixed(productCatalog, '_cluster_test'),
    API_SERVICE_PORT: '14000',
    PRODUCT_CONSUMER_PORT: '14001',
    PRODUCT_PRODUCER_PORT: '14002',
    PIPELINE_VIEW_PORT: '14003',
    KAFKA_GROUP_ID: 'product-catalog-cluster-test',
    CATALOG_GROUP_ID: 'product-catalog-cluster-test',
    KAFKA_BROKERS: '127.0.0.1:19192,127.0.0.1:19292,127.0.0.1:19392',
    ...TEST_ACCESS,
  },
  // The secured broker (SASL_SSL, SCRAM users, ACLs): the Kafka security spec, and `npm test`'s
  // secured sync pass (infra/secure-pass.mjs), which gives each app its own user's KAFKA_SSL /
  // KAFKA_SASL_* (infra/kafka/secure-client.mjs).
  secure: {
    API_DATABASE_URL: suffixed(apiService, '_secure_test'),
    CATALOG_DATABASE_URL: suffixed(productCatalog, '_secure_test'),
    API_SERVICE_PORT: '15000',
    PRODUCT_CONSUMER_PORT: '15001',
    PRODUCT_PRODUCER_PORT: '15002',
    PIPELINE_VIEW_PORT: '15003',
    KAFKA_GROUP_ID: 'product-catalog-secure-test',
    CATALOG_GROUP_ID: 'product-catalog-secure-test',
    KAFKA_BROKERS: '127.0.0.1:19492',
    ...TEST_ACCESS,
  },
};

/**
 * @typedef {{ KAFKA_NODES: string, KAFKA_PORT: string, KAFKA_CONTROLLER_PORT: string, KAFKA_HOME_DIR: string, KAFKA_SECURE?: string }} LocalKafka
 */

/**
 * Where the local broker(s) of each profile live (infra/kafka/kafka.sh reads these). With
 * KAFKA_NODES > 1, node N listens on KAFKA_PORT + 100*(N-1) (controller likewise) and keeps its
 * data in KAFKA_HOME_DIR/node-N (relative to the repository root).
 * @type {Record<Profile, LocalKafka>}
 */
export const LOCAL_KAFKA = {
  dev: { KAFKA_NODES: '1', KAFKA_PORT: '9092', KAFKA_CONTROLLER_PORT: '9093', KAFKA_HOME_DIR: '.local/kafka' },
  test: { KAFKA_NODES: '1', KAFKA_PORT: '19092', KAFKA_CONTROLLER_PORT: '19093', KAFKA_HOME_DIR: '.local/kafka-test' },
  cluster: {
    KAFKA_NODES: '3',
    KAFKA_PORT: '19192',
    KAFKA_CONTROLLER_PORT: '19193',
    KAFKA_HOME_DIR: '.local/kafka-cluster',
  },
  // SASL_SSL only; secrets (CA, keystores, SCRAM passwords) in KAFKA_HOME_DIR/secrets.
  secure: {
    KAFKA_NODES: '1',
    KAFKA_PORT: '19492',
    KAFKA_CONTROLLER_PORT: '19493',
    KAFKA_HOME_DIR: '.local/kafka-secure',
    KAFKA_SECURE: '1',
  },
};

/** @typedef {ProfileEnv & { CHECKPOINT_DISABLE: string } & Record<string, string>} StackEnv */

/**
 * The environment every process of the stack gets, for a profile: with the roles (see `databaseRoles`),
 * each app's own database URL (API_SERVICE_DATABASE_URL…) too.
 * @param {Profile} profile
 * @returns {StackEnv}
 */
export function stackEnv(profile) {
  /** @type {StackEnv} */
  const env = { ...PROFILES[profile], CHECKPOINT_DISABLE: '1' };
  for (const key of /** @type {(keyof StackEnv)[]} */ (Object.keys(env)))
    env[key] = /** @type {string} */ (process.env[key] || env[key]);
  const appUrls = databaseRoles ? appDatabaseUrls(env, process.env) : {};
  for (const [key, url] of Object.entries(appUrls)) env[key] = process.env[key] || url;
  return env;
}

/** True when the user brought their own: then we start nothing of that kind. */
export const external = {
  kafka: Boolean(process.env.KAFKA_BROKERS),
  postgres: Boolean(process.env.API_DATABASE_URL || process.env.CATALOG_DATABASE_URL),
};

/**
 * Whether infra creates the roles and the apps connect as them: always on the local server; on databases
 * the user named, only with DATABASE_ROLES=apply (their URLs must then be a role that may create roles).
 * Otherwise every app uses the URLs given, as before the roles.
 */
export const databaseRoles = !external.postgres || process.env.DATABASE_ROLES === 'apply';
