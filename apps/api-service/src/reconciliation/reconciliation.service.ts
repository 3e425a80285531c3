import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { isPrismaError, pgConnection, PRISMA } from '@nestjs-kafka-sync/service-kit';
import pg from 'pg';
import { databaseConfig } from '../config/database.config.js';
import { reconcileConfig } from '../config/reconcile.config.js';
import { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { recordChange } from '../products/record-change.js';
import { findDrift, type Drift, type DriftKind } from './drift.js';
import { fingerprints } from './fingerprints.js';
import { ReconciliationInProgress } from './reconciliation.errors.js';

const FIRST_IDS = 10;
/** Key of the session advisory lock that lets one reconciliation run at a time, whichever process runs it. */
const RECONCILE_LOCK_KEY = 7_300_000_002;

export interface DriftSummary {
  count: number;
  /** The first ids in id order, to start looking. */
  firstIds: string[];
}

export interface ReconciliationReport {
  checkedAt: string;
  sourceProducts: number;
  replicaProducts: number;
  inSync: boolean;
  missing: DriftSummary;
  extra: DriftSummary;
  differing: DriftSummary;
  /** With repair: how many drifted products got a fresh event through the outbox. */
  repaired?: number;
}

/**
 * Compares api_service with product_catalog product by product and, on request, heals the drift
 * through the normal path: a fresh outbox event per drifted product, so the repair is ordered,
 * logged and idempotent like any other change.
 *
 * A live system has changes in flight; they show as drift until applied. Repairing one is harmless:
 * it only publishes a newer version of the same state.
 *
 * One at a time (409 otherwise): checked in this process before any connection is opened, then across
 * processes by an advisory lock on the scan's own connection. Two connections per run, each statement bounded.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger(ReconciliationService.name);
  private running = false;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(databaseConfig.KEY) private readonly database: ConfigType<typeof databaseConfig>,
    @Inject(reconcileConfig.KEY) private readonly settings: ConfigType<typeof reconcileConfig>,
  ) {}

  async reconcile({ repair = false } = {}): Promise<ReconciliationReport> {
    if (this.running) throw new ReconciliationInProgress();
    this.running = true;
    const source = scanPool(this.database.url, this.settings.statementTimeoutMs);
    const replica = scanPool(this.settings.catalogDatabaseUrl, this.settings.statementTimeoutMs);
    try {
      const { rows } = await source.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        RECONCILE_LOCK_KEY,
      ]);
      if (!rows[0].locked) throw new ReconciliationInProgress();
      return await this.compare(source, replica, repair);
    } finally {
      this.running = false;
      await Promise.all([source.end(), replica.end()]); // the lock goes with its session
    }
  }

  private async compare(source: pg.Pool, replica: pg.Pool, repair: boolean): Promise<ReconciliationReport> {
    const counts = { sourceProducts: 0, replicaProducts: 0 };
    const summaries: Record<DriftKind, DriftSummary> = {
      missing: { count: 0, firstIds: [] },
      extra: { count: 0, firstIds: [] },
      differing: { count: 0, firstIds: [] },
    };
    const { batchSize } = this.settings;
    let repaired = 0;
    const counted = async function* <T>(rows: AsyncIterable<T>, side: keyof typeof counts) {
      for await (const row of rows) {
        counts[side] += 1;
        yield row;
      }
    };
    const drifts = findDrift(
      counted(fingerprints(source, 'products', batchSize), 'sourceProducts'),
      counted(fingerprints(replica, 'catalog_products', batchSize), 'replicaProducts'),
    );
    for await (const drift of drifts) {
      const summary = summaries[drift.kind];
      summary.count += 1;
      if (summary.firstIds.length < FIRST_IDS) summary.firstIds.push(drift.id);
      if (repair && (await this.repair(drift, replica))) repaired += 1;
    }
    const drifted = summaries.missing.count + summaries.extra.count + summaries.differing.count;
    const report: ReconciliationReport = {
      checkedAt: new Date().toISOString(),
      ...counts,
      inSync: drifted === 0,
      ...summaries,
    };
    if (repair) report.repaired = repaired;
    this.logger.log(
      `reconciled ${counts.sourceProducts} source / ${counts.replicaProducts} replica products: ` +
        `${summaries.missing.count} missing, ${summaries.extra.count} extra, ${summaries.differing.count} differing` +
        (repair ? `; ${repaired} repaired` : ''),
    );
    return report;
  }

  /** Writes one fresh event for a drifted product; false when the drift resolved itself meanwhile. */
  private async repair(drift: Drift, replica: pg.Pool): Promise<boolean> {
    if (drift.kind === 'extra') {
      const { rows } = await replica.query('SELECT * FROM catalog_products WHERE id = $1', [drift.id]);
      if (rows.length === 0) return false;
      const stray = rows[0];
      return this.prisma.$transaction(async (tx) => {
        if (await tx.product.findUnique({ where: { id: drift.id }, select: { id: true } })) return false; // created since the scan
        // A delete for a product the source never had (or lost): newer than the replica's row, so it wins.
        await recordChange(tx, 'product.deleted', {
          id: stray.id,
          sku: stray.sku,
          name: stray.name,
          description: stray.description,
          price: new Prisma.Decimal(stray.price),
          stock: stray.stock,
          version: stray.version + 1,
          createdAt: stray.created_at,
          updatedAt: new Date(),
        });
        return true;
      });
    }
    // A tombstone the replica keeps (a source restored from a backup, say) outranks its row too.
    const tombstone = await replica.query<{ version: number }>(
      'SELECT version FROM product_tombstones WHERE product_id = $1',
      [drift.id],
    );
    const replicaVersion = Math.max(drift.replicaVersion ?? 0, tombstone.rows[0]?.version ?? 0);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const current = await tx.product.findUnique({ where: { id: drift.id }, select: { version: true } });
        if (!current) return false; // deleted since the scan: its delete event is on its way
        // The same state at a version above both sides', so the replica's version guard lets it in.
        const row = await tx.product.update({
          where: { id: drift.id, version: current.version },
          data: { version: Math.max(current.version, replicaVersion) + 1, updatedAt: new Date() },
        });
        await recordChange(tx, 'product.updated', row);
        return true;
      });
    } catch (error) {
      // Written concurrently since the read: that write publishes its own fresh event.
      if (isPrismaError(error, PRISMA.RecordNotFound)) return false;
      throw error;
    }
  }
}

/**
 * A one-connection pool for a scan, kept open (no idle timeout) until the run ends, so the advisory lock taken on
 * it holds; an idle connection dropped by the server must not crash the app.
 */
function scanPool(connectionString: string, callTimeoutMs: number): pg.Pool {
  const pool = new pg.Pool({ ...pgConnection(connectionString, { max: 1, callTimeoutMs }), idleTimeoutMillis: 0 });
  pool.on('error', () => undefined);
  return pool;
}
