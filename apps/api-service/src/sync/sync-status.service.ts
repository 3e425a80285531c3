import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DEAD_LETTER_TOPIC, PRODUCT_EVENTS_TOPIC, SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { consumerGroupLag, KafkaClients, type GroupLag } from '@nestjs-kafka-sync/kafka-kit';
import { kafkaConfig } from '../config/kafka.config.js';
import { syncConfig } from '../config/sync.config.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { reportedStalls, type ReportedStall } from './partition-stalls.js';

export interface SyncStatusReport {
  /** `parked`: rows the relay will not publish (too large for the topic), left out of `unpublished`. */
  outbox: { unpublished: number; oldestUnpublishedAgeSeconds: number | null; parked: number };
  /** Products whose current version the replica has not acknowledged yet. */
  pendingProducts: number;
  oldestPendingChangeAgeSeconds: number | null;
  lastAckAt: string | null;
  lag: GroupLag[] | { error: string };
  deadLetters: number | null;
  /**
   * Partitions of product.events product-consumer cannot move past right now (a step failing for
   * good, or for longer than its CONSUMER_STALL_REPORT_AFTER_MS), with why; null while Kafka is unreachable.
   */
  stalledPartitions: ReportedStall[] | null;
}

@Injectable()
export class SyncStatusService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clients: KafkaClients,
    @Inject(kafkaConfig.KEY) private readonly kafka: ConfigType<typeof kafkaConfig>,
    @Inject(syncConfig.KEY) private readonly sync: ConfigType<typeof syncConfig>,
  ) {}

  async report(): Promise<SyncStatusReport> {
    const [outbox, pending, lastAck, kafka] = await Promise.all([
      this.prisma.$queryRaw<{ unpublished: number; oldest: number | null; parked: number }[]>`
        SELECT count(*) FILTER (WHERE parked_at IS NULL)::int AS unpublished,
               extract(epoch FROM now() - min(created_at) FILTER (WHERE parked_at IS NULL))::float8 AS oldest,
               count(*) FILTER (WHERE parked_at IS NOT NULL)::int AS parked
        FROM outbox_events WHERE published_at IS NULL`,
      this.prisma.$queryRaw<{ pending: number; oldest: number | null }[]>`
        SELECT count(*)::int AS pending, extract(epoch FROM now() - min(p.updated_at))::float8 AS oldest
        FROM products p LEFT JOIN product_sync_state s ON s.product_id = p.id
        WHERE coalesce(s.replicated_version, 0) < p.version`,
      this.prisma.productSyncState.aggregate({ _max: { lastAckAt: true } }),
      this.kafkaFigures(),
    ]);
    return {
      outbox: {
        unpublished: outbox[0].unpublished,
        oldestUnpublishedAgeSeconds: roundSeconds(outbox[0].oldest),
        parked: outbox[0].parked,
      },
      pendingProducts: pending[0].pending,
      oldestPendingChangeAgeSeconds: roundSeconds(pending[0].oldest),
      lastAckAt: lastAck._max.lastAckAt?.toISOString() ?? null,
      ...kafka,
    };
  }

  private async kafkaFigures(): Promise<Pick<SyncStatusReport, 'lag' | 'deadLetters' | 'stalledPartitions'>> {
    // Fail fast: a status page must answer while Kafka is down, and say so.
    const admin = this.clients.client('status', { connectionTimeout: 2000, retry: { retries: 0 } }).admin();
    try {
      await admin.connect();
      const topics = new Set(await admin.listTopics());
      const lag = await Promise.all([
        consumerGroupLag(admin, PRODUCT_EVENTS_TOPIC, this.sync.catalogGroupId),
        consumerGroupLag(admin, SYNC_ACKS_TOPIC, this.kafka.consumer.groupId),
      ]);
      const deadLetters = topics.has(DEAD_LETTER_TOPIC)
        ? (await admin.fetchTopicOffsets(DEAD_LETTER_TOPIC)).reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0)
        : null;
      const stalledPartitions = await reportedStalls(admin, PRODUCT_EVENTS_TOPIC, this.sync.catalogGroupId);
      return { lag, deadLetters, stalledPartitions };
    } catch (error) {
      // The driver's message names broker addresses: it goes to the log, the answer only says what failed.
      Logger.warn(`sync status: Kafka unreachable: ${(error as Error).message}`, 'SyncStatusService');
      return { lag: { error: 'Kafka is unreachable' }, deadLetters: null, stalledPartitions: null };
    } finally {
      await admin.disconnect();
    }
  }
}

function roundSeconds(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds * 10) / 10;
}
