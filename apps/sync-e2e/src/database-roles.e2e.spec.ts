import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { AppProcess } from './support/app-process.js';
import { testKeys } from './support/api.js';
import { apiDb, catalogDb } from './support/databases.js';
import { e2eEnv, required } from './support/env.js';
import { eventually } from './support/eventually.js';
import { useRunningSystem } from './support/stack.js';

// Least privilege in PostgreSQL (infra/db-roles.mjs), against the real server: each app connects as its
// own role, and each role can do what its app needs and nothing it does not. Needs the roles: the local
// stack always has them; databases of your own need DATABASE_ROLES=apply (README, Security).
const urls = {
  api: required('API_SERVICE_DATABASE_URL'),
  relay: required('PRODUCT_PRODUCER_DATABASE_URL'),
  consumer: required('PRODUCT_CONSUMER_DATABASE_URL'),
  catalogReader: required('API_SERVICE_CATALOG_DATABASE_URL'),
  apiReader: required('PIPELINE_VIEW_API_DATABASE_URL'),
  viewCatalogReader: required('PIPELINE_VIEW_CATALOG_DATABASE_URL'),
};
const roleOf = (url: string) => decodeURIComponent(new URL(url).username);
const role = {
  api: roleOf(urls.api),
  relay: roleOf(urls.relay),
  consumer: roleOf(urls.consumer),
  catalogReader: roleOf(urls.catalogReader),
  apiReader: roleOf(urls.apiReader),
};
const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
const apiDatabase = databaseOf(e2eEnv.apiDatabaseUrl);
const catalogDatabase = databaseOf(e2eEnv.catalogDatabaseUrl);
const admin = { api: apiDb, catalog: catalogDb };

useRunningSystem();
const viewUrl = `http://127.0.0.1:${required('PIPELINE_VIEW_PORT')}`;
const view = new AppProcess('pipeline-view', `${viewUrl}/health`, {
  PIPELINE_VIEW_API_KEY: testKeys.learner,
});
afterAll(() => view.stop());

/** Runs `sql` as `asRole` (SET ROLE from the admin connection, rolled back): 'allowed', 'denied', or the error. */
async function attempt(database: keyof typeof admin, asRole: string, sql: string): Promise<string> {
  const client = await admin[database].connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL ROLE "${asRole}"`);
    await client.query(sql);
    return 'allowed';
  } catch (error) {
    return (error as { code?: string }).code === '42501' ? 'denied' : `failed: ${(error as Error).message}`;
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

/** Logs in with `url` (to another database if given): the role it is, or 'denied'. */
async function login(url: string, database?: string): Promise<string> {
  const target = new URL(url);
  if (database) target.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: target.toString() });
  try {
    await client.connect();
    return (await client.query<{ user: string }>('SELECT current_user AS user')).rows[0].user;
  } catch (error) {
    return (error as { code?: string }).code === '42501' ? 'denied' : `failed: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('PostgreSQL roles', () => {
  it('gives every app a role of its own, none of them the superuser or an owner', async () => {
    const { rows } = await apiDb.query<{ rolname: string; super: boolean }>(
      'SELECT rolname, rolsuper OR rolcreaterole OR rolcreatedb AS super FROM pg_roles WHERE rolname = ANY($1)',
      [Object.values(role)],
    );
    expect(rows.map((r) => r.super)).toEqual(Object.values(role).map(() => false));
    expect(new Set(Object.values(role)).size).toBe(5);
    expect(roleOf(urls.viewCatalogReader)).toBe(role.catalogReader);
  });

  it('has every table owned by its database owner, a role no app logs in as', async () => {
    for (const db of [apiDb, catalogDb]) {
      const { rows } = await db.query<{ owner: string; tableOwners: string[] }>(
        `SELECT pg_get_userbyid(d.datdba) AS owner,
                (SELECT array_agg(DISTINCT tableowner::text) FROM pg_tables WHERE schemaname = 'public') AS "tableOwners"
         FROM pg_database d WHERE d.datname = current_database()`,
      );
      const [{ owner, tableOwners }] = rows;
      expect(tableOwners).toEqual([owner]);
      expect([...Object.values(role), 'postgres']).not.toContain(owner);
    }
  });

  it.each([
    // An app's role in the other app's database (schema-qualified: without USAGE on the schema, a bare
    // name is not even found), or on a table that is not its own: denied.
    ['api', 'catalog', 'INSERT INTO public.catalog_products (id) VALUES (gen_random_uuid())', 'denied'],
    ['api', 'catalog', 'DELETE FROM public.product_tombstones', 'denied'],
    ['consumer', 'api', 'SELECT count(*) FROM public.products', 'denied'],
    ['consumer', 'api', 'SELECT count(*) FROM public.outbox_events', 'denied'],
    ['relay', 'api', 'UPDATE products SET stock = stock', 'denied'],
    ['relay', 'api', 'SELECT count(*) FROM products', 'denied'],
    ['relay', 'api', 'UPDATE outbox_events SET payload = payload', 'denied'],
    [
      'relay',
      'api',
      `INSERT INTO outbox_events (event_id, aggregate_id, event_type, version, payload)
      VALUES (gen_random_uuid(), gen_random_uuid(), 'product.deleted', 99, '{}')`,
      'denied',
    ],
    ['catalogReader', 'catalog', 'UPDATE catalog_products SET stock = 0', 'denied'],
    ['catalogReader', 'catalog', 'TRUNCATE catalog_products', 'denied'],
    ['apiReader', 'api', 'DELETE FROM outbox_events', 'denied'],
    ['api', 'api', 'CREATE TABLE e2e_not_yours (n int)', 'denied'],
    ['consumer', 'catalog', 'CREATE TABLE e2e_not_yours (n int)', 'denied'],
    ['api', 'api', 'DELETE FROM _prisma_migrations', 'denied'],
    // What each needs: allowed.
    ['relay', 'api', 'UPDATE outbox_events SET published_at = published_at WHERE false', 'allowed'],
    ['relay', 'api', 'DELETE FROM outbox_events WHERE false', 'allowed'],
    ['api', 'api', 'UPDATE products SET stock = stock WHERE false', 'allowed'],
    ['consumer', 'catalog', 'DELETE FROM catalog_products WHERE false', 'allowed'],
    ['catalogReader', 'catalog', 'SELECT count(*) FROM product_tombstones', 'allowed'],
    ['apiReader', 'api', 'SELECT count(*) FROM product_sync_state', 'allowed'],
  ] as const)('%s in the %s database: %s → %s', async (who, database, sql, outcome) => {
    expect(await attempt(database, role[who], sql)).toBe(outcome);
  });

  it('lets each role log in where its app works and nowhere else', async () => {
    expect(await login(urls.api)).toBe(role.api);
    expect(await login(urls.consumer)).toBe(role.consumer);
    expect(await login(urls.api, catalogDatabase)).toBe('denied');
    expect(await login(urls.consumer, apiDatabase)).toBe('denied');
    expect(await login(urls.relay, catalogDatabase)).toBe('denied');
  });

  it('sees the running apps connected as their roles, never as the superuser', async () => {
    await view.start();
    const expected = [
      `api-service ${apiDatabase} ${role.api}`,
      `pipeline-view ${apiDatabase} ${role.apiReader}`,
      `pipeline-view ${catalogDatabase} ${role.catalogReader}`,
      `product-consumer ${catalogDatabase} ${role.consumer}`,
      `product-producer ${apiDatabase} ${role.relay}`,
    ];
    await eventually(
      async () => {
        // Reads open the request paths' pools (idle connections close after a while); the view's page reads both databases.
        await Promise.all(
          [`${e2eEnv.apiUrl}/products`, `${e2eEnv.consumerUrl}/catalog/products`, `${viewUrl}/api/products`].map(
            (url) => fetch(url),
          ),
        );
        const { rows } = await apiDb.query<{ connection: string }>(
          `SELECT DISTINCT application_name || ' ' || datname || ' ' || usename AS connection FROM pg_stat_activity
           WHERE datname = ANY($1) AND application_name = ANY($2) ORDER BY 1`,
          [
            [apiDatabase, catalogDatabase],
            ['api-service', 'pipeline-view', 'product-consumer', 'product-producer'],
          ],
        );
        expect(rows.map((r) => r.connection)).toEqual(expected);
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
  });
});
