import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { decodeProductEventMessage, PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { createKafka } from '@nestjs-kafka-sync/service-kit';
import type { Env } from '../config/env.schema.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { CatalogReplica } from './catalog-replica.service.js';
import { dataRejectionReason } from './data-rejection.js';

export interface RebuildReport {
  events: number;
  applied: number;
  stale: number;
  rejected: number;
  seconds: number;
  eventsPerSecond: number;
  /** Whether the live consumer group was moved to where the rebuild stopped (it had no running member). */
  handedOver: boolean;
}

/**
 * Rebuilds product_catalog from product.events alone: empties it, replays the (compacted) topic
 * from the beginning up to the end offsets seen at the start, with a consumer group of its own,
 * through the same version-guarded apply as the live consumer.
 *
 * Hand-over without a gap or a double apply: if the live consumer is stopped, its group is moved to
 * exactly those end offsets, so it resumes with the first event the rebuild did not see. If it is
 * running, it keeps applying newer events meanwhile; the version guard keeps either side from
 * overwriting the other's newer state.
 */
@Injectable()
export class CatalogRebuild {
  private readonly logger = new Logger(CatalogRebuild.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly replica: CatalogReplica,
    private readonly config: ConfigService<Env, true>,
  ) {}

  async run(): Promise<RebuildReport> {
    const liveGroup = this.config.get('KAFKA_GROUP_ID', { infer: true });
    const kafka = createKafka(`${this.config.get('KAFKA_CLIENT_ID', { infer: true })}-rebuild`, this.config.get('KAFKA_BROKERS', { infer: true }));
    const admin = kafka.admin();
    await admin.connect();
    const rebuildGroup = `${liveGroup}-rebuild-${Date.now()}`;
    try {
      const ends = await admin.fetchTopicOffsets(PRODUCT_EVENTS_TOPIC);
      const endOf = new Map(ends.map((p) => [p.partition, BigInt(p.high)]));
      const toRead = new Set(ends.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => p.partition));

      await this.prisma.$executeRaw`TRUNCATE catalog_products, product_tombstones`;
      const counts = { events: 0, applied: 0, stale: 0, rejected: 0 };
      const started = process.hrtime.bigint();

      if (toRead.size > 0) {
        const consumer = kafka.consumer({ groupId: rebuildGroup, allowAutoTopicCreation: false });
        await consumer.connect();
        try {
          await consumer.subscribe({ topic: PRODUCT_EVENTS_TOPIC, fromBeginning: true });
          await new Promise<void>((resolve, reject) => {
            consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
            void consumer
              .run({
                autoCommit: false,
                eachMessage: async ({ partition, message }) => {
                  const end = endOf.get(partition) ?? 0n;
                  const offset = BigInt(message.offset);
                  if (offset < end) await this.replay(message.value, counts); // newer ones are the live consumer's
                  // Done with a partition at its last snapshot offset, or at anything past it (should
                  // compaction have removed that last record meanwhile, a newer one for its key exists).
                  if (offset + 1n >= end && toRead.delete(partition) && toRead.size === 0) resolve();
                },
              })
              .catch(reject);
          });
        } finally {
          await consumer.disconnect();
        }
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;

      const live = (await admin.describeGroups([liveGroup])).groups[0];
      const handedOver = !live || live.members.length === 0;
      if (handedOver) {
        await admin.setOffsets({ groupId: liveGroup, topic: PRODUCT_EVENTS_TOPIC, partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })) });
      }
      await admin.deleteGroups([rebuildGroup]).catch(() => undefined);
      const report = { ...counts, seconds: round(seconds), eventsPerSecond: round(counts.events / Math.max(seconds, 1e-3)), handedOver };
      this.logger.log(`rebuilt the catalog from ${report.events} events in ${report.seconds} s (${report.eventsPerSecond} events/s)`);
      return report;
    } finally {
      await admin.disconnect();
    }
  }

  private async replay(value: Buffer | null, counts: { events: number; applied: number; stale: number; rejected: number }): Promise<void> {
    counts.events += 1;
    const decoded = decodeProductEventMessage(value);
    if (!decoded.ok) {
      counts.rejected += 1;
      return;
    }
    const outcome = await this.replica.apply(decoded.value).catch((error: unknown) => {
      if (dataRejectionReason(error)) return 'rejected' as const;
      throw error;
    });
    counts[outcome] += 1;
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
