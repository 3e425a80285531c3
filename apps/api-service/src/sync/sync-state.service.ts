import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { SyncAck } from '@nestjs-kafka-sync/contracts';
import { PrismaService } from '../prisma/prisma.service.js';
import { syncOf, type ProductSync, type StoredSyncState } from './sync-state.js';

const WAIT_POLL_MS = 25;

/** Per product, the highest version product-consumer acknowledged; the source of `sync` in responses. */
@Injectable()
export class SyncStateService {
  constructor(private readonly prisma: PrismaService) {}

  /** Records an ack. Monotonic: an ack older than what is known (redelivered, reordered) changes nothing. */
  async record(ack: SyncAck): Promise<void> {
    const at = new Date(ack.acknowledgedAt);
    if (ack.status === 'rejected') {
      await this.prisma.$executeRaw`
        INSERT INTO product_sync_state (product_id, rejected_version, rejection_reason, last_ack_at)
        VALUES (${ack.productId}::uuid, ${ack.version}, ${ack.reason}, ${at})
        ON CONFLICT (product_id) DO UPDATE SET
          rejected_version = GREATEST(product_sync_state.rejected_version, EXCLUDED.rejected_version),
          -- the reason belongs to the newest rejected version, not to whichever ack came last
          rejection_reason = CASE WHEN coalesce(EXCLUDED.rejected_version, 0) >= coalesce(product_sync_state.rejected_version, 0)
            THEN EXCLUDED.rejection_reason ELSE product_sync_state.rejection_reason END,
          last_ack_at = GREATEST(product_sync_state.last_ack_at, EXCLUDED.last_ack_at)`;
    } else {
      await this.prisma.$executeRaw`
        INSERT INTO product_sync_state (product_id, replicated_version, last_ack_at)
        VALUES (${ack.productId}::uuid, ${ack.version}, ${at})
        ON CONFLICT (product_id) DO UPDATE SET
          replicated_version = GREATEST(product_sync_state.replicated_version, EXCLUDED.replicated_version),
          last_ack_at = GREATEST(product_sync_state.last_ack_at, EXCLUDED.last_ack_at)`;
    }
  }

  async statesOf(ids: string[]): Promise<Map<string, StoredSyncState>> {
    const rows = await this.prisma.productSyncState.findMany({ where: { productId: { in: ids } } });
    return new Map(rows.map((row) => [row.productId, row]));
  }

  async syncOf(id: string, version: number): Promise<ProductSync> {
    return syncOf(version, (await this.statesOf([id])).get(id));
  }

  /**
   * Read-your-writes on demand: resolves as soon as the replica acknowledged `version` (or rejected
   * it), or with `pending` after `timeoutMs`. Polls the table the acks land in, so it works whichever
   * api-service instance consumed the ack.
   */
  async waitFor(id: string, version: number, timeoutMs: number): Promise<ProductSync> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sync = await this.syncOf(id, version);
      if (sync.status !== 'pending' || Date.now() >= deadline) return sync;
      await sleep(Math.min(WAIT_POLL_MS, Math.max(0, deadline - Date.now())));
    }
  }
}
