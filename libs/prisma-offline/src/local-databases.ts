/**
 * Where the local stack's databases are when nothing says otherwise: the apps' environment
 * defaults, the Prisma CLI's, and the infra scripts' `dev` profile. Here, in a lib that
 * `npm install` already compiles (for prisma.config.ts), so every one of them can load it.
 * These are the server's admin URLs (the superuser `postgres`, local trust auth): infra creates the
 * databases and roles with them, and the tests empty and inspect the databases with them. No app uses them.
 */
export const LOCAL_DATABASE_URLS = {
  /** api-service's own database; product-producer relays its outbox from there. */
  apiService: 'postgresql://postgres@127.0.0.1:5432/api_service',
  /** product-consumer's replica, product_catalog. */
  productCatalog: 'postgresql://postgres@127.0.0.1:5432/product_catalog',
} as const;

/**
 * The PostgreSQL roles of least privilege (infra/db-roles.mjs creates them and grants their rights).
 * Roles are per server, so the dev and test databases on one server share them; rights are per database.
 */
export const DATABASE_ROLES = {
  /** Owns api_service's schema and tables; runs its migrations. No app connects as it. */
  apiOwner: 'nks_api_owner',
  /** api-service: reads and writes its own tables (products, outbox, sync state). */
  api: 'nks_api',
  /** product-producer: reads the outbox, marks rows published, deletes old published rows. Nothing else. */
  relay: 'nks_relay',
  /** pipeline-view: reads api_service. */
  apiReader: 'nks_api_reader',
  /** Owns product_catalog's schema and tables; runs its migrations. */
  catalogOwner: 'nks_catalog_owner',
  /** product-consumer: reads and writes the catalog tables (the rebuild empties them too). */
  consumer: 'nks_consumer',
  /** api-service's reconciler and pipeline-view: read product_catalog. */
  catalogReader: 'nks_catalog_reader',
} as const;

/** A URL for another role on the same server and database (local trust auth: no password). */
function asRole(url: string, role: string): string {
  const renamed = new URL(url);
  renamed.username = role;
  renamed.password = '';
  return renamed.toString();
}

/** Each app's connection when its environment names none: its own role on the local server. */
export const LOCAL_APP_DATABASE_URLS = {
  apiService: asRole(LOCAL_DATABASE_URLS.apiService, DATABASE_ROLES.api),
  apiServiceCatalogReader: asRole(LOCAL_DATABASE_URLS.productCatalog, DATABASE_ROLES.catalogReader),
  productProducer: asRole(LOCAL_DATABASE_URLS.apiService, DATABASE_ROLES.relay),
  productConsumer: asRole(LOCAL_DATABASE_URLS.productCatalog, DATABASE_ROLES.consumer),
  pipelineViewApi: asRole(LOCAL_DATABASE_URLS.apiService, DATABASE_ROLES.apiReader),
  pipelineViewCatalog: asRole(LOCAL_DATABASE_URLS.productCatalog, DATABASE_ROLES.catalogReader),
} as const;
