import type { ProductState } from '@nestjs-kafka-sync/contracts';
import type pg from 'pg';

/** What the replica holds of one product now: its row (as the contract shows it), and its newest version. */
export interface ReplicaHolding {
  row: ProductState | null;
  /** The newest of row and tombstone: what a repair replaces (compare-and-set); null if it holds neither. */
  newestVersion: number | null;
}

interface HoldingRow {
  id: string | null;
  sku: string;
  name: string;
  description: string | null;
  price: string;
  stock: number;
  version: number | null;
  created_at: Date;
  updated_at: Date;
  tombstone: number | null;
}

export async function replicaHolding(replica: pg.Pool, id: string): Promise<ReplicaHolding> {
  const { rows } = await replica.query<HoldingRow>(
    `SELECT c.id::text AS id, c.sku, c.name, c.description, c.price::text AS price, c.stock, c.version,
            c.created_at, c.updated_at, t.version AS tombstone
     FROM (VALUES ($1::uuid)) AS k(id)
     LEFT JOIN catalog_products c ON c.id = k.id
     LEFT JOIN product_tombstones t ON t.product_id = k.id`,
    [id],
  );
  const [r] = rows;
  const newest = Math.max(r.version ?? 0, r.tombstone ?? 0);
  const row =
    r.id === null || r.version === null
      ? null
      : {
          id: r.id,
          sku: r.sku,
          name: r.name,
          description: r.description,
          price: r.price,
          stock: r.stock,
          version: r.version,
          createdAt: r.created_at.toISOString(),
          updatedAt: r.updated_at.toISOString(),
        };
  return { row, newestVersion: newest > 0 ? newest : null };
}
