import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { pgConnection } from '@nestjs-kafka-sync/service-kit';
import pg from 'pg';
import { databaseConfig } from '../config/database.config.js';
import { sqlClient, type SqlClient } from './sql-client.js';

/**
 * A plain `pg` pool beside Prisma, for the one path every event takes: the batched apply's transaction
 * (CatalogReplicaService, live and rebuild). Through Prisma's interactive transaction each of its 4-6 statements
 * cost about 2 ms on an idle machine (each a pass through Prisma's request pipeline and query compiler), so a
 * one-record batch spent 8-12 ms between its arrival and its upsert; README "Performance" has the measurement.
 * Prisma keeps the schema, the migrations and every other query. Closed in onApplicationShutdown, like
 * PrismaService: after Nest has stopped the Kafka consumer, so a batch in flight finishes.
 */
@Injectable()
export class CatalogPool implements OnApplicationShutdown {
  private readonly pool: pg.Pool;

  constructor(@Inject(databaseConfig.KEY) database: ConfigType<typeof databaseConfig>) {
    this.pool = new pg.Pool(
      pgConnection(database.url, { max: database.poolSize, callTimeoutMs: database.callTimeoutMs }),
    );
    this.pool.on('error', () => undefined); // an idle client's broken connection: the next checkout makes a new one
  }

  /** Runs `work` in one transaction: committed if it resolves, rolled back (and the error rethrown) if not. */
  async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(sqlClient(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
      throw error;
    } finally {
      client.release(broken); // a connection that cannot even roll back is dropped, not reused
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
