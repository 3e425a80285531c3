import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg, { type PoolConfig } from 'pg';

/** PostgreSQL catalog types the schema engine's introspection returns and adapter-pg 6.19.3 cannot map. */
const CATALOG_TYPE_OIDS = new Set([18 /* "char" */, 19 /* name */]);
const TEXT_OID = 25;

type PerformIO = (this: unknown, query: unknown) => Promise<{ fields?: { dataTypeID: number }[] }>;
let catalogTypesPatched = false;

/**
 * Workaround for prisma/orm#27403: report `name` and `"char"` columns as text. Patched once on
 * the prototype shared by connections and transactions; throws if adapter-pg's internals moved,
 * so an upgrade fails loudly here instead of deep inside `prisma migrate`.
 */
export function reportCatalogTypesAsText(adapter: object): void {
  if (catalogTypesPatched) return;
  let proto: { performIO?: PerformIO } | null = Object.getPrototypeOf(adapter);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'performIO')) proto = Object.getPrototypeOf(proto);
  if (!proto?.performIO) throw new Error('@prisma/adapter-pg internals changed: performIO not found');
  const performIO = proto.performIO;
  proto.performIO = async function (this: unknown, query: unknown) {
    const result = await performIO.call(this, query);
    for (const field of result.fields ?? []) if (CATALOG_TYPE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    return result;
  };
  catalogTypesPatched = true;
}

/**
 * adapter-pg 6.19.3 runs a migration script by splitting it on ";", which breaks any statement
 * with a semicolon inside it (a plpgsql function body). Send the script whole instead:
 * PostgreSQL runs a multi-statement simple query as one implicit transaction, so a migration
 * that fails half-way leaves nothing behind.
 */
export function executeScriptsWhole(adapter: SqlDriverAdapter): void {
  const pool = (adapter as SqlDriverAdapter & { underlyingDriver?: () => unknown }).underlyingDriver?.();
  const onError = (adapter as { onError?: (error: unknown) => never }).onError;
  if (!(pool instanceof pg.Pool) || typeof onError !== 'function') {
    throw new Error('@prisma/adapter-pg internals changed: underlyingDriver()/onError not found');
  }
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      onError.call(adapter, error);
    }
  };
}

/**
 * The adapter factory `prisma migrate` runs over (Prisma 6's WASM schema engine, no native
 * binary): adapter-pg plus the workarounds above. Only for the CLI; the apps use plain PrismaPg.
 */
export class PrismaPgMigrate implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName: string;
  private readonly pg: PrismaPg;

  constructor(private readonly poolConfig: PoolConfig) {
    this.pg = new PrismaPg(poolConfig);
    this.adapterName = this.pg.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.pg.connect();
    reportCatalogTypesAsText(adapter);
    executeScriptsWhole(adapter);
    return adapter;
  }

  /** adapter-pg 6.19.3 drops the shadow database while its own pool still holds it open; close first, then drop. */
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPgMigrate({ ...this.poolConfig, database }).connect();
    const closeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closeShadow();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  }
}
