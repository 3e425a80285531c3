import pg from 'pg';
import { pgConnection, type PgLimits } from './pg-connection.js';
import { sqlClient, type SqlClient } from './sql-client.js';

/**
 * A plain `pg` pool beside an app's Prisma client, for its hot paths only (each app says which, and why, where it
 * provides one): through Prisma, even a raw statement passes through its request pipeline and query compiler, about
 * 2 ms per statement on an idle machine here. Prisma keeps the schema, the migrations and every other query.
 */
export class SqlPool {
  private readonly pool: pg.Pool;

  constructor(url: string, limits: PgLimits) {
    this.pool = new pg.Pool(pgConnection(url, limits));
    this.pool.on('error', () => undefined); // an idle client's broken connection: the next checkout makes a new one
  }

  /** One statement on a pooled connection (PostgreSQL commits it on its own). */
  get sql(): SqlClient {
    return sqlClient(this.pool);
  }

  /** Runs `work` in one transaction: committed if it resolves, rolled back (and the error rethrown) if not. */
  async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // A connection lost mid-transaction fails the query in flight, and its client also emits 'error', which
    // crashes the process unless listened to (node-postgres listens only while the client idles in the pool).
    const lost = (error: Error) => (broken = error);
    client.on('error', lost);
    try {
      await client.query('BEGIN');
      const result = await work(sqlClient(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
      throw error;
    } finally {
      client.off('error', lost);
      client.release(broken); // a connection lost, or that cannot even roll back, is dropped, not reused
    }
  }

  /**
   * Closes the pool. Named as Nest's shutdown hook, so an app's provider extending this class is closed with the
   * app (after the HTTP server and the Kafka consumer have stopped) without repeating it.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
