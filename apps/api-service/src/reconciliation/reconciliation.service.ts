import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { pgConnection } from '@nestjs-kafka-sync/service-kit';
import pg from 'pg';
import { databaseConfig } from '../config/database.config.js';
import { reconcileConfig } from '../config/reconcile.config.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { DRIFT_KINDS, findDrift, type DriftKind } from './drift.js';
import { repairDrift } from './drift-repair.js';
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
  /** In both, the replica at a version the source never had (a forged or runaway event). */
  ahead: DriftSummary;
  /** With repair: how many drifted products got a fresh event through the outbox. */
  repaired?: number;
}

/**
 * Compares api_service with product_catalog product by product and, on request, heals the drift
 * through the normal path: a `product.resynced` per drifted product through the outbox (drift-repair.ts),
 * so the repair is ordered, logged and idempotent like any other change.
 *
 * A live system has changes in flight; they show as drift until applied. Repairing one is harmless:
 * the repair replaces only the version the replica held when it looked, so a change applied since wins.
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
    const summaries = Object.fromEntries(
      DRIFT_KINDS.map((kind): [DriftKind, DriftSummary] => [kind, { count: 0, firstIds: [] }]),
    ) as Record<DriftKind, DriftSummary>;
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
      if (repair && (await repairDrift(this.prisma, replica, drift))) repaired += 1;
    }
    const drifted = DRIFT_KINDS.reduce((sum, kind) => sum + summaries[kind].count, 0);
    const report: ReconciliationReport = {
      checkedAt: new Date().toISOString(),
      ...counts,
      inSync: drifted === 0,
      ...summaries,
    };
    if (repair) report.repaired = repaired;
    this.logger.log(
      `reconciled ${counts.sourceProducts} source / ${counts.replicaProducts} replica products: ` +
        DRIFT_KINDS.map((kind) => `${summaries[kind].count} ${kind}`).join(', ') +
        (repair ? `; ${repaired} repaired` : ''),
    );
    return report;
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
