import { Injectable } from '@nestjs/common';
import type { ProductEvent } from '@nestjs-kafka-sync/contracts';
import { PrismaService } from '../prisma/prisma.service.js';
import { decideApply, type ApplyOutcome } from './apply-decision.js';

/** Applies product events to the replica, each in one transaction, guarded by version. */
@Injectable()
export class CatalogReplicaService {
  constructor(private readonly prisma: PrismaService) {}

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
