import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { SqlPool } from '@nestjs-kafka-sync/service-kit';
import { databaseConfig } from '../config/database.config.js';

/**
 * The plain `pg` pool (SqlPool) for api-service's hottest statements: a create (insert-created.ts), the read
 * of a product with its sync state (read-with-sync.ts: GET /products/:id and every wait-for-sync wake-up) and the
 * recording of acks (sync-state.service.ts). Through
 * Prisma each passed through its request pipeline and query compiler, which took about 24 % of api-service's CPU
 * in `npm run bench -- --profile` (README "Performance"). Closed with PrismaService, after the HTTP server.
 */
@Injectable()
export class ApiPool extends SqlPool {
  constructor(@Inject(databaseConfig.KEY) database: ConfigType<typeof databaseConfig>) {
    super(database.url, { max: database.poolSize, callTimeoutMs: database.callTimeoutMs });
  }
}
