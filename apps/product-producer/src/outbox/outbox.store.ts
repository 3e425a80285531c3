import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { ProductEvent } from '@nestjs-kafka-sync/contracts';
import pg from 'pg';
import { databaseConfig } from '../config/database.config.js';

export interface OutboxRow {
  id: string;
  payload: ProductEvent;
}

/** Key of the transaction-scoped advisory lock that makes one relay at a time the publisher. */
const RELAY_LOCK_KEY = 7_300_000_001;

/** The relay's view of api-service's outbox_events table (plain SQL: it needs locks Prisma cannot express). */
@Injectable()
export class OutboxStore implements OnApplicationShutdown {
  private readonly pool: pg.Pool;

  constructor(@Inject(databaseConfig.KEY) database: ConfigType<typeof databaseConfig>) {
    this.pool = new pg.Pool({ connectionString: database.url, max: 3 });
    // An idle client losing its server must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  /**
   * Hands the oldest unpublished rows, in insert order, to `publish` and marks them published
   * only after it resolved, in one transaction. A crash in between re-publishes them later (a
   * duplicate the consumer's version check absorbs), never loses them.
   * The transaction holds an advisory lock, so of several running relays only one publishes at
   * a time and one product's events cannot interleave. Returns null when another relay holds it.
   * `onMarked` gets, per row, the seconds from its insert to its marking after Kafka's ack, by
   * PostgreSQL's clock (the same clock that stamped the row, so no skew between hosts).
   */
  async publishNextBatch(
    limit: number,
    publish: (rows: OutboxRow[]) => Promise<void>,
    onMarked: (ackLatenciesSeconds: number[]) => void = () => undefined,
  ): Promise<number | null> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    // A connection lost while checked out is reported here too; unheard, it would crash the process.
    const onLost = (error: Error) => (failure ??= error);
    client.on('error', onLost);
    try {
      await client.query('BEGIN');
      const lock = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        RELAY_LOCK_KEY,
      ]);
      if (!lock.rows[0].locked) {
        await client.query('ROLLBACK');
        return null;
      }
      const { rows } = await client.query<OutboxRow>(
        'SELECT id, payload FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT $1',
        [limit],
      );
      if (rows.length > 0) {
        await publish(rows);
        const marked = await client.query<{ latency: number }>(
          `UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::bigint[])
           RETURNING extract(epoch FROM clock_timestamp() - created_at)::float8 AS latency`,
          [rows.map((r) => r.id)],
        );
        await client.query('COMMIT');
        onMarked(marked.rows.map((r) => r.latency));
        return rows.length;
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      failure = error as Error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onLost);
      client.release(failure);
    }
  }

  /**
   * Deletes up to `limit` rows published longer than `retentionMs` ago, oldest first; returns how
   * many. Unpublished rows are never touched, however old.
   */
  async deletePublishedBefore(retentionMs: number, limit: number): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM outbox_events WHERE id IN (
         SELECT id FROM outbox_events
         WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => $1::double precision / 1000)
         ORDER BY id LIMIT $2)`,
      [retentionMs, limit],
    );
    return rowCount ?? 0;
  }

  async countUnpublished(): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      'SELECT count(*) FROM outbox_events WHERE published_at IS NULL',
    );
    return Number(rows[0].count);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
