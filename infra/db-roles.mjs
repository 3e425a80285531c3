// Least privilege in PostgreSQL: an owner role per database (it owns the schema and tables and runs the
// migrations) and one role per app with only the rights that app needs. The one home of the roles and
// their grants; idempotent, re-applied after every migration so new tables get their grants.
//   node infra/db-roles.mjs    with API_DATABASE_URL and CATALOG_DATABASE_URL naming a role that may create
//   roles (the superuser): creates the databases if missing, the roles, migrates as the owners, grants. Each
//   role's password comes from <ROLE>_PASSWORD (NKS_API_PASSWORD…) when set; unset, a new role gets none
//   (local trust auth) and an existing one keeps its own. Prints each app's URL (passwords redacted).
import { pathToFileURL } from 'node:url';
import { DATABASE_ROLES as R, redactUrl } from '@nestjs-kafka-sync/prisma-offline';
import pg from 'pg';
import { ensureDatabases, migrate } from './postgres.mjs';
import { log } from './run.mjs';

/**
 * One role's rights in a database: on every table of the schema (`tables`), or on named tables only (`only`).
 * @typedef {{ role: string, tables?: string, sequences?: string, only?: Record<string, string[]> }} Grant
 * @typedef {{ urlEnv: 'API_DATABASE_URL' | 'CATALOG_DATABASE_URL', appDir: string, owner: string, grants: Grant[] }} DatabasePlan
 */

/** @type {{ api: DatabasePlan, catalog: DatabasePlan }} */
export const DATABASES = {
  api: {
    urlEnv: 'API_DATABASE_URL',
    appDir: 'apps/api-service',
    owner: R.apiOwner,
    grants: [
      { role: R.api, tables: 'SELECT, INSERT, UPDATE, DELETE', sequences: 'USAGE, SELECT' },
      // Read the outbox, mark rows published (or parked: never publishable), delete published rows past retention:
      // no other column, no other table.
      { role: R.relay, only: { outbox_events: ['SELECT, DELETE', 'UPDATE (published_at, parked_at, park_reason)'] } },
      { role: R.apiReader, tables: 'SELECT' },
    ],
  },
  catalog: {
    urlEnv: 'CATALOG_DATABASE_URL',
    appDir: 'apps/product-consumer',
    owner: R.catalogOwner,
    grants: [
      // TRUNCATE: the catalog rebuild empties the replica before replaying the topic.
      { role: R.consumer, tables: 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE', sequences: 'USAGE, SELECT' },
      { role: R.catalogReader, tables: 'SELECT' },
    ],
  },
};

/**
 * Each app's URL variable, and the role it connects as. The apps prefer these to API_DATABASE_URL /
 * CATALOG_DATABASE_URL (see each app's config/database.config.ts).
 * @type {Record<string, { database: keyof typeof DATABASES, role: string }>}
 */
export const APP_DATABASE_URLS = {
  API_SERVICE_DATABASE_URL: { database: 'api', role: R.api },
  API_SERVICE_CATALOG_DATABASE_URL: { database: 'catalog', role: R.catalogReader },
  PRODUCT_PRODUCER_DATABASE_URL: { database: 'api', role: R.relay },
  PRODUCT_CONSUMER_DATABASE_URL: { database: 'catalog', role: R.consumer },
  PIPELINE_VIEW_API_DATABASE_URL: { database: 'api', role: R.apiReader },
  PIPELINE_VIEW_CATALOG_DATABASE_URL: { database: 'catalog', role: R.catalogReader },
};

/** The migrations' table: the owner's business only. */
const MIGRATIONS_TABLE = '_prisma_migrations';

/** @param {string} role */
export const passwordEnv = (role) => `${role.toUpperCase()}_PASSWORD`;

/**
 * The same server and database as `adminUrl`, as `role` (with its password from the environment, if any).
 * @param {string} adminUrl
 * @param {string} role
 * @param {Record<string, string | undefined>} env
 */
export function roleUrl(adminUrl, role, env) {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = env[passwordEnv(role)] ? encodeURIComponent(/** @type {string} */ (env[passwordEnv(role)])) : '';
  return url.toString();
}

/**
 * Every app's URL, derived from the two databases' admin URLs.
 * @param {{ API_DATABASE_URL: string, CATALOG_DATABASE_URL: string }} adminUrls
 * @param {Record<string, string | undefined>} env where the passwords are
 * @returns {Record<string, string>}
 */
export function appDatabaseUrls(adminUrls, env) {
  return Object.fromEntries(
    Object.entries(APP_DATABASE_URLS).map(([name, { database, role }]) => [
      name,
      roleUrl(adminUrls[DATABASES[database].urlEnv], role, env),
    ]),
  );
}

/** @param {string} name */
const ident = (name) => `"${name.replaceAll('"', '""')}"`;

/**
 * The roles a database's plan names, owner first.
 * @param {DatabasePlan} plan
 */
export const rolesOf = (plan) => [plan.owner, ...plan.grants.map((g) => g.role)];

/**
 * Creates a login role if it is missing (never a superuser, never able to create roles or databases);
 * sets its password when one is given. A concurrent creation is not an error.
 * @param {string} role
 * @param {string | undefined} passwordLiteral already quoted (client.escapeLiteral)
 */
export function roleStatements(role, passwordLiteral) {
  const attributes = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';
  return [
    `DO $$ BEGIN CREATE ROLE ${ident(role)} ${attributes}; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
    `ALTER ROLE ${ident(role)} ${attributes}${passwordLiteral ? ` PASSWORD ${passwordLiteral}` : ''}`,
  ];
}

/**
 * Before migrating: the owner owns the database and its schema, and nobody else may connect or create there.
 * @param {string} database
 * @param {DatabasePlan} plan
 */
export function ownershipStatements(database, plan) {
  return [
    `ALTER DATABASE ${ident(database)} OWNER TO ${ident(plan.owner)}`,
    `REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`,
    `ALTER SCHEMA public OWNER TO ${ident(plan.owner)}`,
    `REVOKE ALL ON SCHEMA public FROM PUBLIC`,
  ];
}

/**
 * After migrating, in one transaction: each app role's rights exactly as planned (revoked first, so a
 * right removed from the plan goes away), and the same rights by default on tables the owner creates later.
 * @param {string} database
 * @param {DatabasePlan} plan
 */
export function grantStatements(database, plan) {
  const db = ident(database);
  const defaults = `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(plan.owner)} IN SCHEMA public`;
  /** @type {string[]} */
  const sql = [];
  for (const { role, tables, sequences, only } of plan.grants) {
    const r = ident(role);
    sql.push(
      `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`,
      `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${r}`,
      `${defaults} REVOKE ALL ON TABLES FROM ${r}`,
      `${defaults} REVOKE ALL ON SEQUENCES FROM ${r}`,
      `GRANT CONNECT ON DATABASE ${db} TO ${r}`,
      `GRANT USAGE ON SCHEMA public TO ${r}`,
    );
    if (tables)
      sql.push(
        `GRANT ${tables} ON ALL TABLES IN SCHEMA public TO ${r}`,
        `${defaults} GRANT ${tables} ON TABLES TO ${r}`,
      );
    if (sequences)
      sql.push(
        `GRANT ${sequences} ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
        `${defaults} GRANT ${sequences} ON SEQUENCES TO ${r}`,
      );
    for (const [table, privileges] of Object.entries(only ?? {}))
      for (const privilege of privileges) sql.push(`GRANT ${privilege} ON ${ident(table)} TO ${r}`);
    if (tables) sql.push(`REVOKE ALL ON ${ident(MIGRATIONS_TABLE)} FROM ${r}`);
  }
  return sql;
}

/**
 * Objects of the schema some other role owns (created by migrations run as the superuser, before the
 * roles existed), as the statements that give them to the owner. Sequences follow their tables.
 */
const FOREIGN_OBJECTS = `
  SELECT format('ALTER TABLE %s OWNER TO %I', c.oid::regclass, $1::text) AS sql
  FROM pg_class c
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
    AND pg_get_userbyid(c.relowner) <> $1
  UNION ALL
  SELECT format('ALTER SEQUENCE %s OWNER TO %I', c.oid::regclass, $1::text)
  FROM pg_class c
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> $1
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
  UNION ALL
  SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1::text)
  FROM pg_proc p
  WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) <> $1`;

/**
 * @param {string} url
 * @param {(client: pg.Client) => Promise<void>} work
 */
async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/**
 * @param {pg.Client} client
 * @param {string[]} statements
 */
async function inTransaction(client, statements) {
  await client.query('BEGIN');
  try {
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Creates the databases if missing, the roles, gives each database to its owner, migrates as the owner,
 * then grants each app role its rights. Safe to run again, and beside running apps.
 * @param {{ API_DATABASE_URL: string, CATALOG_DATABASE_URL: string }} adminUrls a role that may create roles
 * @param {Record<string, string | undefined>} env where the passwords are
 * @param {{ mayStartLocal: boolean }} options
 */
export async function setUpDatabases(adminUrls, env, { mayStartLocal }) {
  await ensureDatabases([adminUrls.API_DATABASE_URL, adminUrls.CATALOG_DATABASE_URL], { mayStartLocal });
  for (const plan of Object.values(DATABASES)) {
    const adminUrl = adminUrls[plan.urlEnv];
    const database = decodeURIComponent(new URL(adminUrl).pathname.slice(1));
    await withClient(adminUrl, async (client) => {
      for (const role of rolesOf(plan)) {
        const password = env[passwordEnv(role)];
        for (const sql of roleStatements(role, password ? client.escapeLiteral(password) : undefined))
          await client.query(sql);
      }
      const { rows } = await client.query(FOREIGN_OBJECTS, [plan.owner]);
      await inTransaction(client, [...ownershipStatements(database, plan), ...rows.map((row) => row.sql)]);
    });
    await migrate(plan.appDir, { ...adminUrls, [plan.urlEnv]: roleUrl(adminUrl, plan.owner, env) });
    await withClient(adminUrl, (client) => inTransaction(client, grantStatements(database, plan)));
    log(`database ${database}: owned by ${plan.owner}; ${plan.grants.map((g) => g.role).join(', ')} granted`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { API_DATABASE_URL, CATALOG_DATABASE_URL } = process.env;
  if (!API_DATABASE_URL || !CATALOG_DATABASE_URL)
    throw new Error('set API_DATABASE_URL and CATALOG_DATABASE_URL to a role that may create roles (the superuser)');
  const adminUrls = { API_DATABASE_URL, CATALOG_DATABASE_URL };
  await setUpDatabases(adminUrls, process.env, { mayStartLocal: false });
  for (const [name, url] of Object.entries(appDatabaseUrls(adminUrls, process.env))) log(`${name}=${redactUrl(url)}`);
}
