import { Injectable } from '@nestjs/common';
import type { SyncAck } from '@nestjs-kafka-sync/contracts';
import { ApiPool } from '../prisma/api-pool.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { foldAcks } from './fold-acks.js';
import { readWithSync } from './read-with-sync.js';
import { syncOf, type ProductSync, type StoredSyncState } from './sync-state.js';
import { SYNC_CHANNEL, SyncWaiters } from './sync-waiters.js';

/** A waiter looks again at least this often: a notification sent while the listener reconnected is lost. */
const RECHECK_MS = 2000;

/** Per product, the highest version product-consumer acknowledged; the source of `sync` in responses. */
@Injectable()
export class SyncStateService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pool: ApiPool,
    private readonly waiters: SyncWaiters,
  ) {}

  /**
   * Records an ack. Monotonic: an ack older than what is known (redelivered, reordered) changes nothing;
   * except an applied repair's (`reset`), which sets the version even below, as the replica was set.
   * Notifies SYNC_CHANNEL with the product id in the same statement (delivered at commit), waking its waiters.
   * On plain `pg` (ApiPool), as every ack statement: an ack's trip back is part of a `Prefer: wait-for-sync` answer.
   */
  async record(ack: SyncAck): Promise<void> {
    const at = new Date(ack.acknowledgedAt);
    if (ack.status === 'rejected') {
      await this.pool.sql.execute`
        WITH recorded AS (
        INSERT INTO product_sync_state (product_id, rejected_version, rejection_reason, last_ack_at)
        VALUES (${ack.productId}::uuid, ${ack.version}, ${ack.reason}, ${at})
        ON CONFLICT (product_id) DO UPDATE SET
          rejected_version = GREATEST(product_sync_state.rejected_version, EXCLUDED.rejected_version),
          -- the reason belongs to the newest rejected version, not to whichever ack came last
          rejection_reason = CASE WHEN coalesce(EXCLUDED.rejected_version, 0) >= coalesce(product_sync_state.rejected_version, 0)
            THEN EXCLUDED.rejection_reason ELSE product_sync_state.rejection_reason END,
          last_ack_at = GREATEST(product_sync_state.last_ack_at, EXCLUDED.last_ack_at)
        RETURNING product_id)
        SELECT pg_notify(${SYNC_CHANNEL}, product_id::text) FROM recorded`;
    } else {
      await this.pool.sql.execute`
        WITH recorded AS (
        INSERT INTO product_sync_state (product_id, replicated_version, last_ack_at)
        VALUES (${ack.productId}::uuid, ${ack.version}, ${at})
        ON CONFLICT (product_id) DO UPDATE SET
          replicated_version = CASE WHEN ${ack.reset === true}::boolean THEN EXCLUDED.replicated_version
            ELSE GREATEST(product_sync_state.replicated_version, EXCLUDED.replicated_version) END,
          last_ack_at = GREATEST(product_sync_state.last_ack_at, EXCLUDED.last_ack_at)
        RETURNING product_id)
        SELECT pg_notify(${SYNC_CHANNEL}, product_id::text) FROM recorded`;
    }
  }

  /**
   * Records a partition's batch of acks (in offset order) with one statement for all applied/stale ones,
   * folded per product as recording them one by one would end (foldAcks), and the rejected ones one by one.
   */
  async recordAll(acks: SyncAck[]): Promise<void> {
    const folded = foldAcks(acks);
    if (folded.length > 0)
      await this.pool.sql.execute`
        WITH recorded AS (
        INSERT INTO product_sync_state AS s (product_id, replicated_version, last_ack_at)
        SELECT id, version, at FROM unnest(
          ${folded.map((f) => f.productId)}::uuid[], ${folded.map((f) => f.version)}::int[],
          ${folded.map((f) => f.at)}::timestamptz[]) AS a(id, version, at)
        ON CONFLICT (product_id) DO UPDATE SET
          replicated_version = CASE WHEN EXCLUDED.product_id = ANY(${folded.filter((f) => f.reset).map((f) => f.productId)}::uuid[])
            THEN EXCLUDED.replicated_version ELSE GREATEST(s.replicated_version, EXCLUDED.replicated_version) END,
          last_ack_at = GREATEST(s.last_ack_at, EXCLUDED.last_ack_at)
        RETURNING product_id)
        SELECT pg_notify(${SYNC_CHANNEL}, product_id::text) FROM recorded`;
    for (const ack of acks) if (ack.status === 'rejected') await this.record(ack);
  }

  async statesOf(ids: string[]): Promise<Map<string, StoredSyncState>> {
    const rows = await this.prisma.productSyncState.findMany({ where: { productId: { in: ids } } });
    return new Map(rows.map((row) => [row.productId, row]));
  }

  /**
   * For a waiter, whose version a newer write may have followed: against the product's current version, read in
   * the same snapshot as the state (readWithSync), so an ack the state holds is never for a newer version.
   */
  private async waiterSync(id: string, version: number): Promise<ProductSync> {
    const { row, state } = await readWithSync(this.pool.sql, id);
    return syncOf(version, state, Math.max(version, row?.version ?? version));
  }

  /**
   * Read-your-writes on demand: resolves as soon as the replica acknowledged `version` (or rejected
   * it), or with `pending` after `timeoutMs` or once `signal` aborts (the client went away). Reads the
   * table the acks land in when woken by their notification, so it works whichever api-service instance
   * consumed the ack.
   */
  async waitFor(id: string, version: number, timeoutMs: number, signal?: AbortSignal): Promise<ProductSync> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sync = await this.waiterSync(id, version);
      const left = deadline - Date.now();
      if (sync.status !== 'pending' || left <= 0 || signal?.aborted) return sync;
      await this.waiters.next(id, Math.min(RECHECK_MS, left), signal);
    }
  }
}
