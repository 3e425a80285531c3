import { Injectable } from '@nestjs/common';
import type { ProductEvent } from '@nestjs-kafka-sync/contracts';
import { PrismaService } from '../prisma/prisma.service.js';
import { decideApply, type ApplyOutcome } from './apply-decision.js';
import { decideBatch } from './batch-decision.js';
import { deleteProducts, knownVersions, lockProducts, upsertProducts, upsertTombstones } from './catalog-batch-sql.js';

/** Applies product events to the replica, guarded by version: a batch in one transaction (applyAll), or one event (apply). */
@Injectable()
export class CatalogReplicaService {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Applies a batch (one partition's events, in offset order) in one transaction with set-based
   * statements; returns each event's outcome exactly as applying them one by one would (decideBatch).
   * All or nothing: an error (e.g. the database refusing one event's data) rolls the whole batch back.
   */
  async applyAll(events: ProductEvent[]): Promise<ApplyOutcome[]> {
    if (events.length === 0) return [];
    const ids = [...new Set(events.map((e) => e.productId))];
    return this.prisma.$transaction(async (tx) => {
      await lockProducts(tx, ids);
      const decision = decideBatch(events, await knownVersions(tx, ids));
      await upsertProducts(tx, decision.upserts);
      await deleteProducts(tx, decision.deletes);
      await upsertTombstones(tx, decision.tombstones);
      return decision.outcomes;
    });
  }

  async apply(event: ProductEvent): Promise<ApplyOutcome> {
    const id = event.productId;
    return this.prisma.$transaction(async (tx) => {
      // One product's events are applied one at a time, even if a rebalance briefly lets two consumers hold its partition.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, 0))`;
      const row = await tx.catalogProduct.findUnique({ where: { id }, select: { version: true } });
      const tombstone = await tx.productTombstone.findUnique({ where: { productId: id }, select: { version: true } });
      const outcome = decideApply(event, {
        rowVersion: row?.version ?? null,
        tombstoneVersion: tombstone?.version ?? null,
      });
      if (outcome === 'stale') return outcome;

      if (event.type === 'product.deleted') {
        const deletion = { version: event.version, deletedAt: new Date(event.occurredAt) };
        await tx.catalogProduct.deleteMany({ where: { id } });
        await tx.productTombstone.upsert({
          where: { productId: id },
          create: { productId: id, ...deletion },
          update: deletion,
        });
      } else {
        const { id: _id, ...state } = event.product;
        const columns = {
          ...state,
          createdAt: new Date(state.createdAt),
          updatedAt: new Date(state.updatedAt),
          replicatedAt: new Date(),
        };
        await tx.catalogProduct.upsert({ where: { id }, create: { id, ...columns }, update: columns });
      }
      return outcome;
    });
  }
}
