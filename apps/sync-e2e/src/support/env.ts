/** Set by `npm test` (infra/test.mjs), which also brought the infrastructure up. */
export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through \`npm test\``);
  return value;
}

const apiDatabaseUrl = required('API_DATABASE_URL');

export const e2eEnv = {
  /** Admin URLs: the tests empty, alter and inspect the databases with them. No app connects with them. */
  apiDatabaseUrl,
  catalogDatabaseUrl: required('CATALOG_DATABASE_URL'),
  /** What api-service connects with: its own role (infra/db-roles.mjs), or the one URL when the databases are the user's own. */
  apiServiceDatabaseUrl: process.env.API_SERVICE_DATABASE_URL ?? apiDatabaseUrl,
  kafkaBrokers: required('KAFKA_BROKERS').split(','),
  consumerGroupId: required('KAFKA_GROUP_ID'),
  apiUrl: `http://127.0.0.1:${required('API_SERVICE_PORT')}`,
  consumerUrl: `http://127.0.0.1:${required('PRODUCT_CONSUMER_PORT')}`,
  producerUrl: `http://127.0.0.1:${required('PRODUCT_PRODUCER_PORT')}`,
};
