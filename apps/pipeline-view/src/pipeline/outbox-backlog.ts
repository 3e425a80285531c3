import { Injectable } from '@nestjs/common';
import { ReadOnlyDatabases } from '../databases/read-only-databases.js';

export interface OutboxBacklog {
  /** Changes committed in api-service but not yet on Kafka (the relay's to-do list). */
  unpublished: number;
  oldestAgeSeconds: number | null;
}

/** The outbox rows waiting for product-producer (a partial index keeps this cheap however long the outbox is). */
@Injectable()
export class OutboxBacklogReader {
  constructor(private readonly db: ReadOnlyDatabases) {}

  async read(): Promise<OutboxBacklog> {
    const { rows } = await this.db.source.query<OutboxBacklog>(
      `SELECT count(*)::int AS unpublished,
              round(extract(epoch FROM now() - min(created_at))::numeric, 1)::float8 AS "oldestAgeSeconds"
       FROM outbox_events WHERE published_at IS NULL AND parked_at IS NULL`,
    );
    return rows[0];
  }
}
