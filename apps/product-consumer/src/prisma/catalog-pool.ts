import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { SqlPool } from '@nestjs-kafka-sync/service-kit';
import { databaseConfig } from '../config/database.config.js';

/**
 * The plain `pg` pool (SqlPool) for the one path every event takes: the batched apply's transaction
 * (CatalogReplicaService, live and rebuild). Through Prisma's interactive transaction each of its 4-6 statements
 * cost about 2 ms on an idle machine, so a one-record batch spent 8-12 ms between its arrival and its upsert
 * (README "Performance"). Closed in onApplicationShutdown, like PrismaService: after Nest has stopped the Kafka
 * consumer, so a batch in flight finishes.
 */
@Injectable()
export class CatalogPool extends SqlPool {
  constructor(@Inject(databaseConfig.KEY) database: ConfigType<typeof databaseConfig>) {
    super(database.url, { max: database.poolSize, callTimeoutMs: database.callTimeoutMs });
  }
}
