import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PrismaPgMigrate } from './migrate-adapter.js';
import { poolConfigFromUrl } from './pool-config.js';
import { adminDatabaseUrl, catalogTypesQuery } from './testing/test-database.js';

const config = poolConfigFromUrl(adminDatabaseUrl);
const probe = new pg.Pool(config);
afterAll(() => probe.end());

describe('PrismaPgMigrate against a real PostgreSQL', () => {
  it('reads catalog columns of type name and "char" as text', async () => {
    const adapter = await new PrismaPgMigrate(config).connect();
    try {
      const result = await adapter.queryRaw(catalogTypesQuery);
      expect(result.columnNames).toEqual(['datname', 'kind']);
      expect(result.rows).toEqual([[config.database, 'x']]);
    } finally {
      await adapter.dispose();
    }
  });

  it('creates a separate shadow database and drops it after closing its pool', async () => {
    const shadow = await new PrismaPgMigrate(config).connectToShadowDb();
    const { rows } = await shadow.queryRaw({ sql: 'SELECT current_database()', args: [], argTypes: [] });
    const name = rows[0][0];
    expect(name).toMatch(/^prisma_migrate_shadow_db_/);
    expect(name).not.toBe(config.database);
    await shadow.dispose();
    const { rowCount } = await probe.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    expect(rowCount).toBe(0);
  });
});

describe('PrismaPgMigrate scripts', () => {
  it('runs a script whole, semicolons inside a function body included, and atomically', async () => {
    const database = `prisma_offline_script_test_${process.pid}`;
    await probe.query(`DROP DATABASE IF EXISTS "${database}"`);
    await probe.query(`CREATE DATABASE "${database}"`);
    const adapter = await new PrismaPgMigrate({ ...config, database }).connect();
    try {
      await adapter.executeScript(`
        CREATE TABLE t (n int);
        CREATE FUNCTION twice(x int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN x * 2; END; $$;
        INSERT INTO t VALUES (twice(21));`);
      const { rows } = await adapter.queryRaw({ sql: 'SELECT n FROM t', args: [], argTypes: [] });
      expect(rows).toEqual([[42]]);

      await expect(adapter.executeScript('CREATE TABLE u (n int); SELECT no_such_function();')).rejects.toThrow();
      const { rows: tables } = await adapter.queryRaw({ sql: "SELECT to_regclass('u')::text", args: [], argTypes: [] });
      expect(tables).toEqual([[null]]);
    } finally {
      await adapter.dispose();
      await probe.query(`DROP DATABASE IF EXISTS "${database}"`);
    }
  });
});
