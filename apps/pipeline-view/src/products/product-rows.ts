import { Injectable } from '@nestjs/common';
import { ReadOnlyDatabases } from '../databases/read-only-databases.js';
import type { SourceVersion } from './pair-status.js';

/** A product as one side holds it; `sync` (source only) is what the replica acknowledged for it. */
export interface SideRow {
  id: string;
  sku: string;
  name: string;
  price: string;
  stock: number;
  version: number;
  updatedAt: string;
  sync?: { replicatedVersion: number | null; rejectedVersion: number | null; reason: string | null };
}

const SIDE_COLUMNS = `p.id::text AS id, p.sku, p.name, p.price::text AS price, p.stock, p.version,
  to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`;
const SOURCE_FROM = `FROM products p LEFT JOIN product_sync_state s ON s.product_id = p.id`;
const SYNC_COLUMNS = `s.replicated_version AS "replicatedVersion", s.rejected_version AS "rejectedVersion",
  s.rejection_reason AS reason`;
/** Newest change first: what a learner just did is on page 1. */
const NEWEST_FIRST = 'ORDER BY p.updated_at DESC, p.id';

/** The SQL of the page: both databases, read only, a page or a list of ids at a time. */
@Injectable()
export class ProductRows {
  constructor(private readonly db: ReadOnlyDatabases) {}

  /** Every source product's id and version, newest change first, with the version the replica refused if any. */
  async sourceVersions(): Promise<SourceVersion[]> {
    const { rows } = await this.db.source.query<SourceVersion>(
      `SELECT p.id::text AS id, p.version, s.rejected_version AS "rejectedVersion" ${SOURCE_FROM} ${NEWEST_FIRST}`,
    );
    return rows;
  }

  async replicaVersions(): Promise<{ id: string; version: number }[]> {
    return (await this.db.replica.query(`SELECT id::text AS id, version FROM catalog_products`)).rows;
  }

  /** A page of the source, newest change first, and how many products it has. */
  async sourcePage(limit: number, offset: number): Promise<{ rows: SideRow[]; total: number }> {
    const [page, count] = await Promise.all([
      this.db.source.query(
        `SELECT ${SIDE_COLUMNS}, ${SYNC_COLUMNS} ${SOURCE_FROM} ${NEWEST_FIRST} LIMIT $1 OFFSET $2`,
        [limit, offset],
      ),
      this.db.source.query<{ total: number }>('SELECT count(*)::int AS total FROM products'),
    ]);
    return { rows: page.rows.map(withSync), total: count.rows[0].total };
  }

  async sourceRows(ids: string[]): Promise<SideRow[]> {
    const sql = `SELECT ${SIDE_COLUMNS}, ${SYNC_COLUMNS} ${SOURCE_FROM} WHERE p.id = ANY($1::uuid[])`;
    return (await this.db.source.query(sql, [ids])).rows.map(withSync);
  }

  async replicaRows(ids: string[]): Promise<SideRow[]> {
    const sql = `SELECT ${SIDE_COLUMNS} FROM catalog_products p WHERE p.id = ANY($1::uuid[])`;
    return (await this.db.replica.query<SideRow>(sql, [ids])).rows;
  }
}

type SourceRow = Omit<SideRow, 'sync'> & NonNullable<SideRow['sync']>;

function withSync({ replicatedVersion, rejectedVersion, reason, ...row }: SourceRow): SideRow {
  return { ...row, sync: { replicatedVersion, rejectedVersion, reason } };
}
