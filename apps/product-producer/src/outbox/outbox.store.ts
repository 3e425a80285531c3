import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { ProductEvent } from '@nestjs-kafka-sync/contracts';
import pg from 'pg';
import { databaseConfig } from '../config/database.config.js';

export interface OutboxRow {
  id: string;
  payload: ProductEvent;
  /** The W3C trace context of the request that made the change, sent on as the record's header. */
  traceparent: string | null;
}

/** A row the relay will never publish (its record is too large for the topic), and why. */
export interface ParkedRow {
  id: string;
  reason: string;
}

/** The parked rows as /health shows them: how many, and the newest. */
export interface ParkedSummary {
  count: number;
  newest: { eventId: string; productId: string; version: number; reason: string; parkedAt: string } | null;
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
   * only after it resolved, in one transaction; the rows it returns are parked instead (never handed
   * over again: they stay, with their reason, for a person). A crash in between re-publishes them later (a
   * duplicate the consumer's version check absorbs), never loses them.
   * The transaction holds an advisory lock, so of several running relays only one publishes at
   * a time and one product's events cannot interleave. Returns null when another relay holds it.
   * `onMarked` gets, per published row, the seconds from its insert to its marking after Kafka's ack, by
   * PostgreSQL's clock (the same clock that stamped the row, so no skew between hosts), and the parked rows.
   * Returns how many rows it handled (published or parked).
   */
  async publishNextBatch(
    limit: number,
    publish: (rows: OutboxRow[]) => Promise<ParkedRow[] | void>,
    onMarked: (ackLatenciesSeconds: number[], parked: ParkedRow[]) => void = () => undefined,
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
        'SELECT id, payload, traceparent FROM outbox_events WHERE published_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT $1',
        [limit],
      );
      if (rows.length > 0) {
        const parked = (await publish(rows)) ?? [];
        const parkedIds = new Set(parked.map((p) => p.id));
        const marked = await client.query<{ latency: number }>(
          `UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::bigint[])
           RETURNING extract(epoch FROM clock_timestamp() - created_at)::float8 AS latency`,
          [rows.filter((r) => !parkedIds.has(r.id)).map((r) => r.id)],
        );
        if (parked.length > 0)
          await client.query(
            `UPDATE outbox_events o SET parked_at = now(), park_reason = p.reason
             FROM unnest($1::bigint[], $2::text[]) AS p(id, reason) WHERE o.id = p.id`,
            [parked.map((p) => p.id), parked.map((p) => p.reason)],
          );
        await client.query('COMMIT');
        onMarked(
          marked.rows.map((r) => r.latency),
          parked,
        );
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
      'SELECT count(*) FROM outbox_events WHERE published_at IS NULL AND parked_at IS NULL',
    );
    return Number(rows[0].count);
  }

  async parked(): Promise<ParkedSummary> {
    const { rows } = await this.pool.query<{
      count: number;
      event_id: string;
      aggregate_id: string;
      version: number;
      park_reason: string;
      parked_at: Date;
    }>(
      `SELECT count(*) OVER ()::int AS count, event_id, aggregate_id, version, park_reason, parked_at
       FROM outbox_events WHERE parked_at IS NOT NULL ORDER BY id DESC LIMIT 1`,
    );
    const [row] = rows;
    if (!row) return { count: 0, newest: null };
    const newest = {
      eventId: row.event_id,
      productId: row.aggregate_id,
      version: row.version,
      reason: row.park_reason,
      parkedAt: row.parked_at.toISOString(),
    };
    return { count: row.count, newest };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
