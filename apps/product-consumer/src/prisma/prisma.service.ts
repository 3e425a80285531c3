import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Env } from '../config/env.schema.js';
import { PrismaClient } from '../generated/prisma/client.js';

/**
 * Closed in onApplicationShutdown, after Nest has closed the HTTP server and the Kafka consumer,
 * so a request or message in flight finishes against an open database.
 *
 * No call may hang longer than a fraction of the Kafka session timeout: the consumer sends no
 * heartbeat while it waits on the database, and a hung call must fail (and be retried with
 * heartbeats) before the group gives this instance's partitions away.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  private readonly logger = new Logger(PrismaService.name);

  constructor(config: ConfigService<Env, true>) {
    const budgetMs = Math.floor(config.get('KAFKA_SESSION_TIMEOUT_MS', { infer: true }) / 3);
    super({
      adapter: new PrismaPg({
        connectionString: config.get('CATALOG_DATABASE_URL', { infer: true }),
        max: config.get('CATALOG_DATABASE_POOL_SIZE', { infer: true }),
        connectionTimeoutMillis: budgetMs,
        statement_timeout: budgetMs, // enforced by the server
        query_timeout: budgetMs, // enforced here, also when the network has gone silent
      }),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    this.logger.log('catalog database closed');
  }
}
