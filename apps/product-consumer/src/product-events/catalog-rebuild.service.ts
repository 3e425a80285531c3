import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { decodeProductEventMessage, PRODUCT_EVENTS_TOPIC, type ProductEvent } from '@nestjs-kafka-sync/contracts';
import { KafkaClients, readTopicBatchesUpTo, setGroupOffsets } from '@nestjs-kafka-sync/kafka-kit';
import type { KafkaMessage } from 'kafkajs';
import { batchConfig } from '../config/batch.config.js';
import { kafkaConfig } from '../config/kafka.config.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { CatalogBatchService } from './catalog-batch.service.js';
import { coalesceAcks } from './coalesce-acks.js';
import { SyncAckPublisher } from './sync-ack.publisher.js';
import { outcomeAck } from './sync-acks.js';

export interface RebuildReport {
  events: number;
  applied: number;
  stale: number;
  rejected: number;
  seconds: number;
  eventsPerSecond: number;
  /**
   * How busy the main thread was during the replay (event-loop utilization, %): near 100, the replay is bound by its
   * own work in JavaScript; far below, by its waits on PostgreSQL and the broker.
   */
  mainThreadBusyPercent: number;
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
    private readonly batches: CatalogBatchService,
    private readonly acks: SyncAckPublisher,
    private readonly clients: KafkaClients,
    @Inject(kafkaConfig.KEY) private readonly kafkaSettings: ConfigType<typeof kafkaConfig>,
    @Inject(batchConfig.KEY) private readonly batching: ConfigType<typeof batchConfig>,
  ) {}

  async run(): Promise<RebuildReport> {
    const liveGroup = this.kafkaSettings.consumer.groupId;
    const kafka = this.clients.client('rebuild');
    const admin = kafka.admin();
    await Promise.all([admin.connect(), this.acks.warmUp()]);
    const rebuildGroup = `${liveGroup}-rebuild-${Date.now()}`;
    try {
      // Empty first, snapshot second: whatever the live consumer applies after the TRUNCATE stays,
      // and every event up to the snapshot is replayed, so nothing falls between the two.
      await this.prisma.$executeRaw`TRUNCATE catalog_products, product_tombstones`;
      const ends = await admin.fetchTopicOffsets(PRODUCT_EVENTS_TOPIC);
      const counts = { events: 0, applied: 0, stale: 0, rejected: 0 };
      const started = process.hrtime.bigint();
      const loopBefore = performance.eventLoopUtilization();

      // Newer records than the snapshot are the live consumer's. Partitions replay at once, as many as the
      // live consumer applies at once (CONSUMER_PARTITIONS_CONCURRENTLY): a product's events share one
      // partition, so their order holds, and one partition's Kafka and ack round trips overlap another's
      // transaction instead of idling the database.
      await readTopicBatchesUpTo(
        kafka,
        {
          topic: PRODUCT_EVENTS_TOPIC,
          groupId: rebuildGroup,
          ends,
          partitionsConcurrently: this.batching.partitionsConcurrently,
        },
        async (_partition, messages) => {
          for (let from = 0; from < messages.length; from += this.batching.maxRecords)
            await this.replay(messages.slice(from, from + this.batching.maxRecords), counts);
        },
      );
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const busy = performance.eventLoopUtilization(loopBefore).utilization;

      const live = (await admin.describeGroups([liveGroup])).groups[0];
      const handedOver = !live || live.members.length === 0;
      if (handedOver) {
        await setGroupOffsets(kafka, {
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
        mainThreadBusyPercent: Math.round(100 * busy),
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

  /**
   * Applies replayed records as the live consumer does, a batch per transaction, and acknowledges
   * them in one send (api-service learns what the replay applied: the live consumer will not see
   * these events again), coalesced: a product's run of versions as one ack for the highest (what api-service
   * records of them). A record too broken to name a version is counted, not acknowledged.
   */
  private async replay(
    messages: KafkaMessage[],
    counts: { events: number; applied: number; stale: number; rejected: number },
  ): Promise<void> {
    counts.events += messages.length;
    const events: ProductEvent[] = [];
    for (const message of messages) {
      const decoded = decodeProductEventMessage(message.value);
      if (decoded.ok) events.push(decoded.value);
      else counts.rejected += 1;
    }
    const once = <T>(_what: string, step: () => Promise<T>) => step(); // a failure ends the rebuild: run it again
    const outcomes = await this.batches.apply(events, once, () => 'a replayed batch');
    for (const outcome of outcomes) counts[typeof outcome === 'object' ? 'rejected' : outcome] += 1;
    await this.acks.publish(...coalesceAcks(events.map((event, i) => outcomeAck(event, outcomes[i]))));
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
