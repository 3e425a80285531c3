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
  },
  // `npm test`: its own databases, ports and consumer group, so it can run beside `npm start`.
  test: {
    API_DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/api_service_test',
    CATALOG_DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/product_catalog_test',
    API_SERVICE_PORT: '13000',
    PRODUCT_CONSUMER_PORT: '13001',
    PRODUCT_PRODUCER_PORT: '13002',
    KAFKA_GROUP_ID: 'product-catalog-test',
  },
};

export const LOCAL_KAFKA_BROKERS = '127.0.0.1:9092';

/** The environment every process of the stack gets, for a profile. */
export function stackEnv(profile) {
  const env = { ...PROFILES[profile], KAFKA_BROKERS: LOCAL_KAFKA_BROKERS, CHECKPOINT_DISABLE: '1' };
  for (const key of Object.keys(env)) if (process.env[key]) env[key] = process.env[key];
  return env;
}

/** True when the user brought their own: then we start nothing of that kind. */
export const external = {
  kafka: Boolean(process.env.KAFKA_BROKERS),
  postgres: Boolean(process.env.API_DATABASE_URL || process.env.CATALOG_DATABASE_URL),
};
