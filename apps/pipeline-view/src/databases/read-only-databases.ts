import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import pg from 'pg';
import { databaseConfig } from '../config/database.config.js';

/**
 * The view's connections to both databases. Read only, and PostgreSQL enforces it: every
 * transaction starts READ ONLY, so no bug of the view can write to what it shows. Small pools,
 * short statement timeouts: the page must never slow the apps it watches.
 */
function readOnlyPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: 3,
    connectionTimeoutMillis: 2000,
    options: '-c default_transaction_read_only=on -c statement_timeout=5000',
    application_name: 'pipeline-view',
  });
  pool.on('error', () => undefined); // an idle connection lost (database restarted): the next query reconnects
  return pool;
}

@Injectable()
export class ReadOnlyDatabases implements OnModuleDestroy {
  /** api-service's database: the products as written, the outbox, the acks received. */
  readonly source: pg.Pool;
  /** product-consumer's database: the replica. */
  readonly replica: pg.Pool;

  constructor(@Inject(databaseConfig.KEY) config: ConfigType<typeof databaseConfig>) {
    this.source = readOnlyPool(config.sourceUrl);
    this.replica = readOnlyPool(config.replicaUrl);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.source.end(), this.replica.end()]);
  }
}
