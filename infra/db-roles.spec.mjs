import { describe, expect, it } from 'vitest';
import {
  appDatabaseUrls,
  DATABASES,
  grantStatements,
  ownershipStatements,
  roleStatements,
  roleUrl,
} from './db-roles.mjs';

const admin = {
  API_DATABASE_URL: 'postgresql://postgres:admin@db:5432/api_service_test',
  CATALOG_DATABASE_URL: 'postgresql://postgres:admin@catalog-db:5433/product_catalog_test',
};

describe('roleUrl', () => {
  it('keeps server and database, swaps the user, takes the password from <ROLE>_PASSWORD', () => {
    expect(roleUrl(admin.API_DATABASE_URL, 'nks_relay', { NKS_RELAY_PASSWORD: 'p@ss/1' })).toBe(
      'postgresql://nks_relay:p%40ss%2F1@db:5432/api_service_test',
    );
  });

  it('gives no password when none is set (local trust auth), never the admin one', () => {
    expect(roleUrl(admin.API_DATABASE_URL, 'nks_api', {})).toBe('postgresql://nks_api@db:5432/api_service_test');
  });
});

describe('appDatabaseUrls', () => {
  it('gives each app its own role on the database it uses', () => {
    const urls = appDatabaseUrls(admin, {});
    expect(urls).toEqual({
      API_SERVICE_DATABASE_URL: 'postgresql://nks_api@db:5432/api_service_test',
      API_SERVICE_CATALOG_DATABASE_URL: 'postgresql://nks_catalog_reader@catalog-db:5433/product_catalog_test',
      PRODUCT_PRODUCER_DATABASE_URL: 'postgresql://nks_relay@db:5432/api_service_test',
      PRODUCT_CONSUMER_DATABASE_URL: 'postgresql://nks_consumer@catalog-db:5433/product_catalog_test',
      PIPELINE_VIEW_API_DATABASE_URL: 'postgresql://nks_api_reader@db:5432/api_service_test',
      PIPELINE_VIEW_CATALOG_DATABASE_URL: 'postgresql://nks_catalog_reader@catalog-db:5433/product_catalog_test',
    });
  });
});

describe('roleStatements', () => {
  it('creates a plain login role, and sets the password only when one is given', () => {
    const [create, alter] = roleStatements('nks_api', undefined);
    expect(create).toContain('CREATE ROLE "nks_api" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE');
    expect(create).toContain('WHEN duplicate_object THEN NULL');
    expect(alter).not.toContain('PASSWORD');
    expect(roleStatements('nks_api', "'secret'")[1]).toMatch(/ PASSWORD 'secret'$/);
  });
});

describe('ownershipStatements', () => {
  it('gives database and schema to the owner and takes connecting and creating from everyone else', () => {
    expect(ownershipStatements('api_service', DATABASES.api)).toEqual([
      'ALTER DATABASE "api_service" OWNER TO "nks_api_owner"',
      'REVOKE ALL ON DATABASE "api_service" FROM PUBLIC',
      'ALTER SCHEMA public OWNER TO "nks_api_owner"',
      'REVOKE ALL ON SCHEMA public FROM PUBLIC',
    ]);
  });
});

describe('grantStatements', () => {
  const api = grantStatements('api_service', DATABASES.api);
  const catalog = grantStatements('product_catalog', DATABASES.catalog);
  /** @param {string[]} sql @param {string} role */
  const grantsTo = (sql, role) =>
    sql.filter((/** @type {string} */ s) => s.startsWith('GRANT') && s.endsWith(`TO "${role}"`));

  it('gives the relay the outbox only: read, delete, and update of published_at and the parking columns', () => {
    expect(grantsTo(api, 'nks_relay')).toEqual([
      'GRANT CONNECT ON DATABASE "api_service" TO "nks_relay"',
      'GRANT USAGE ON SCHEMA public TO "nks_relay"',
      'GRANT SELECT, DELETE ON "outbox_events" TO "nks_relay"',
      'GRANT UPDATE (published_at, parked_at, park_reason) ON "outbox_events" TO "nks_relay"',
    ]);
  });

  it('gives readers SELECT only, and no app the migrations table', () => {
    expect(grantsTo(api, 'nks_api_reader').filter((/** @type {string} */ s) => s.includes('TABLES'))).toEqual([
      'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "nks_api_reader"',
    ]);
    expect(grantsTo(catalog, 'nks_catalog_reader').filter((/** @type {string} */ s) => s.includes('TABLES'))).toEqual([
      'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "nks_catalog_reader"',
    ]);
    for (const role of ['nks_api', 'nks_api_reader'])
      expect(api).toContain(`REVOKE ALL ON "_prisma_migrations" FROM "${role}"`);
  });

  it('revokes before granting, so a right dropped from the plan is taken away', () => {
    const revoke = api.indexOf('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "nks_api"');
    const grant = api.indexOf('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "nks_api"');
    expect(revoke).toBeGreaterThanOrEqual(0);
    expect(grant).toBeGreaterThan(revoke);
  });

  it('grants each database only to the roles of its plan', () => {
    expect(api.join('\n')).not.toMatch(/nks_consumer|nks_catalog/);
    expect(catalog.join('\n')).not.toMatch(/"nks_api"|nks_relay|nks_api_reader/);
  });
});
