import type pg from 'pg';
import type { PrismaService } from '../prisma/prisma.service.js';
import { toProductState } from '../products/product-state.js';
import type { Drift } from './drift.js';
import { replicaHolding } from './replica-holding.js';
import { recordResync } from './resync-event.js';

/**
 * Heals one drifted product with a `product.resynced` through the outbox: the source's state as it
 * is (a product the source lacks: removed), to replace exactly the version the replica holds now.
 * The consumer applies it only if the replica still holds that version, even when it is above the
 * source's (a forged 2147483647); if the replica moved meanwhile, the version guard decides as for
 * any event, so an in-flight change is never undone. False when the drift resolved itself meanwhile.
 *
 * No source version is bumped (nothing to overflow, and no forged version to chase), and a rebuild
 * replaying the topic reaches the same end: the repair follows the forged event there too.
 */
export async function repairDrift(prisma: PrismaService, replica: pg.Pool, drift: Drift): Promise<boolean> {
  const held = await replicaHolding(replica, drift.id);
  const replacesVersion = held.newestVersion;
  return prisma.$transaction(async (tx) => {
    // Writers of one product serialize on its row: this keeps the outbox in the product's commit order.
    await tx.$executeRaw`SELECT 1 FROM products WHERE id = ${drift.id}::uuid FOR UPDATE`;
    const source = await tx.product.findUnique({ where: { id: drift.id } });
    if (drift.kind === 'extra') {
      if (source || !held.row || replacesVersion === null) return false; // created since the scan, or gone
      await recordResync(tx, { ...held.row, version: replacesVersion }, { replacesVersion, deleted: true });
      return true;
    }
    if (!source) return false; // deleted since the scan: its delete event is on its way
    await recordResync(tx, toProductState(source), { replacesVersion, deleted: false });
    return true;
  });
}
