// One place for the stack's addresses and ports. Anything already set in the environment wins:
// point KAFKA_BROKERS / API_DATABASE_URL / CATALOG_DATABASE_URL elsewhere and nothing local is started.
const PROFILES = {
  // `npm start`
  dev: {
    API_DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/api_service',
    CATALOG_DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/product_catalog',
    API_SERVICE_PORT: '3000',
    PRODUCT_CONSUMER_PORT: '3001',
    PRODUCT_PRODUCER_PORT: '3002',
    KAFKA_GROUP_ID: 'product-catalog',
    CATALOG_GROUP_ID: 'product-catalog',
    KAFKA_BROKERS: '127.0.0.1:9092',
  },
  // `npm test`: its own broker, databases and ports, so it can run beside `npm start` and
  // neither ever sees the other's events.
  test: {
    API_DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/api_service_test',
    CATALOG_DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/product_catalog_test',
    API_SERVICE_PORT: '13000',
    PRODUCT_CONSUMER_PORT: '13001',
    PRODUCT_PRODUCER_PORT: '13002',
    KAFKA_GROUP_ID: 'product-catalog-test',
    CATALOG_GROUP_ID: 'product-catalog-test',
    KAFKA_BROKERS: '127.0.0.1:19092',
  },
};

/** Where the local broker of each profile lives (infra/kafka/kafka.sh reads these). */
export const LOCAL_KAFKA = {
  dev: { KAFKA_PORT: '9092', KAFKA_CONTROLLER_PORT: '9093', KAFKA_HOME_DIR: '.local/kafka' },
  test: { KAFKA_PORT: '19092', KAFKA_CONTROLLER_PORT: '19093', KAFKA_HOME_DIR: '.local/kafka-test' },
};

/** The environment every process of the stack gets, for a profile. */
export function stackEnv(profile) {
  const env = { ...PROFILES[profile], CHECKPOINT_DISABLE: '1' };
  for (const key of Object.keys(env)) if (process.env[key]) env[key] = process.env[key];
  return env;
}

/** True when the user brought their own: then we start nothing of that kind. */
export const external = {
  kafka: Boolean(process.env.KAFKA_BROKERS),
  postgres: Boolean(process.env.API_DATABASE_URL || process.env.CATALOG_DATABASE_URL),
};
