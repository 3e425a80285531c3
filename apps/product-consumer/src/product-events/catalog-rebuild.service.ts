import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { decodeProductEventMessage, PRODUCT_EVENTS_TOPIC, type SyncAck } from '@nestjs-kafka-sync/contracts';
import { KafkaClients, readTopicUpTo } from '@nestjs-kafka-sync/kafka-kit';
import { dataRejectionReason } from '@nestjs-kafka-sync/service-kit';
import { kafkaConfig } from '../config/kafka.config.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { CatalogReplicaService } from './catalog-replica.service.js';
import { SyncAckPublisher } from './sync-ack.publisher.js';
import { outcomeAck } from './sync-acks.js';

/** Acks are sent in batches of this many during a replay. */
const ACK_BATCH = 500;

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
 * overwriting the other's newer state. Replayed events are acknowledged like live ones, so
 * api-service's sync status stays true.
 */
@Injectable()
export class CatalogRebuildService {
  private readonly logger = new Logger(CatalogRebuildService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly replica: CatalogReplicaService,
    private readonly acks: SyncAckPublisher,
    private readonly clients: KafkaClients,
    @Inject(kafkaConfig.KEY) private readonly kafkaSettings: ConfigType<typeof kafkaConfig>,
  ) {}

  async run(): Promise<RebuildReport> {
    const liveGroup = this.kafkaSettings.consumer.groupId;
    const kafka = this.clients.client('rebuild');
    const admin = kafka.admin();
    await admin.connect();
    const rebuildGroup = `${liveGroup}-rebuild-${Date.now()}`;
    try {
      // Empty first, snapshot second: whatever the live consumer applies after the TRUNCATE stays,
      // and every event up to the snapshot is replayed, so nothing falls between the two.
      await this.prisma.$executeRaw`TRUNCATE catalog_products, product_tombstones`;
      const ends = await admin.fetchTopicOffsets(PRODUCT_EVENTS_TOPIC);
      const counts = { events: 0, applied: 0, stale: 0, rejected: 0 };
      const pendingAcks: SyncAck[] = [];
      const started = process.hrtime.bigint();

      await readTopicUpTo(
        kafka,
        { topic: PRODUCT_EVENTS_TOPIC, groupId: rebuildGroup, ends },
        async (_partition, message) => {
          // newer records are the live consumer's
          const ack = await this.replay(message.value, counts);
          if (ack) pendingAcks.push(ack);
          if (pendingAcks.length >= ACK_BATCH) await this.acks.publish(...pendingAcks.splice(0));
        },
      );
      // api-service learns what the replay applied: the live consumer will not see these events again.
      await this.acks.publish(...pendingAcks.splice(0));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;

      const live = (await admin.describeGroups([liveGroup])).groups[0];
      const handedOver = !live || live.members.length === 0;
      if (handedOver) {
        await admin.setOffsets({
          groupId: liveGroup,
          topic: PRODUCT_EVENTS_TOPIC,
          partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })),
        });
      }
      await admin.deleteGroups([rebuildGroup]).catch(() => undefined);
      const report = {
        ...counts,
        seconds: round(seconds),
        eventsPerSecond: round(counts.events / Math.max(seconds, 1e-3)),
        handedOver,
      };
      this.logger.log(
        `rebuilt the catalog from ${report.events} events in ${report.seconds} s (${report.eventsPerSecond} events/s)`,
      );
      return report;
    } finally {
      await admin.disconnect();
    }
  }

  /** Applies one replayed record; returns the ack for it (none for a record too broken to name a version). */
  private async replay(
    value: Buffer | null,
    counts: { events: number; applied: number; stale: number; rejected: number },
  ): Promise<SyncAck | null> {
    counts.events += 1;
    const decoded = decodeProductEventMessage(value);
    if (!decoded.ok) {
      counts.rejected += 1;
      return null;
    }
    try {
      const outcome = await this.replica.apply(decoded.value);
      counts[outcome] += 1;
      return outcomeAck(decoded.value, outcome);
    } catch (error) {
      const reason = dataRejectionReason(error);
      if (!reason) throw error;
      counts.rejected += 1;
      return outcomeAck(decoded.value, { rejected: reason });
    }
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
