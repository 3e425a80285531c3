import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { PrismaPg } from '@prisma/adapter-pg';
import { pgConnection } from '@nestjs-kafka-sync/service-kit';
import { databaseConfig } from '../config/database.config.js';
import { PrismaClient } from '../generated/prisma/client.js';

/**
 * Closed in onApplicationShutdown, after Nest has closed the HTTP server and the Kafka consumer,
 * so a request or message in flight finishes against an open database.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(databaseConfig.KEY) database: ConfigType<typeof databaseConfig>) {
    super({
      adapter: new PrismaPg(
        pgConnection(database.url, { max: database.poolSize, callTimeoutMs: database.callTimeoutMs }),
      ),
      // A write waits for a pooled connection as long as for any statement (Prisma's default maxWait is 2 s:
      // 500 writes at once on 10 connections then failed with P2028 instead of queueing).
      transactionOptions: { maxWait: database.callTimeoutMs, timeout: database.callTimeoutMs },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
