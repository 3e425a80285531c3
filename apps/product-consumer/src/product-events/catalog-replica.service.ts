import { Injectable } from '@nestjs/common';
import type { ProductEvent } from '@nestjs-kafka-sync/contracts';
import { CatalogPool } from '../prisma/catalog-pool.js';
import type { ApplyOutcome } from './apply-decision.js';
import { decideBatch } from './batch-decision.js';
import {
  deleteProducts,
  knownVersions,
  lockProducts,
  resetProducts,
  upsertProducts,
  upsertTombstones,
} from './catalog-batch-sql.js';

/**
 * Applies product events to the replica, guarded by version: a batch in one transaction (applyAll), or one event
 * (apply) through the same statements, so both paths decide and write alike.
 */
@Injectable()
export class CatalogReplicaService {
  constructor(private readonly database: CatalogPool) {}

  /**
   * Applies a batch (one partition's events, in offset order) in one transaction with set-based
   * statements; returns each event's outcome exactly as applying them one by one would (decideBatch).
   * All or nothing: an error (e.g. the database refusing one event's data) rolls the whole batch back.
   */
  async applyAll(events: ProductEvent[]): Promise<ApplyOutcome[]> {
    if (events.length === 0) return [];
    const ids = [...new Set(events.map((e) => e.productId))];
    return this.database.transaction(async (tx) => {
      await lockProducts(tx, ids);
      const decision = decideBatch(events, await knownVersions(tx, ids));
      await resetProducts(tx, decision.resets);
      await upsertProducts(tx, decision.upserts);
      await deleteProducts(tx, decision.deletes);
      await upsertTombstones(tx, decision.tombstones);
      return decision.outcomes;
    });
  }

  /** One event in its own transaction: the fallback that tells which event of a refused batch is at fault. */
  async apply(event: ProductEvent): Promise<ApplyOutcome> {
    const [outcome] = await this.applyAll([event]);
    return outcome;
  }
}
