import { Controller, Inject, Logger, UseFilters, type BeforeApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Ctx, EventPattern } from '@nestjs/microservices';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { commitBatchProcessed, type KafkaBatchContext, RethrowToKafkajs } from '@nestjs-kafka-sync/kafka-kit';
import { batchConfig } from '../config/batch.config.js';
import { ProductEventBatchService, type BatchOutcome } from './product-event-batch.service.js';
import { receivedRecord, recordsWhere } from './received-record.js';
import { TransientRetry } from './transient-retry.js';

/**
 * Consumes `product.events` a partition's batch at a time (BatchServerKafka: Nest's ServerKafka
 * only offers one record per @EventPattern call) and commits a batch's offset only once all of it
 * is dealt with for good: applied in one transaction (or found stale) and acknowledged, or
 * dead-lettered if it can never be applied. Anything that may pass (database or Kafka unreachable)
 * is retried, never skipped. A crash before the commit replays the batch; the version guard makes
 * that a no-op. Batches of several partitions run at once (CONSUMER_PARTITIONS_CONCURRENTLY).
 */
@Controller()
@UseFilters(RethrowToKafkajs)
export class ProductEventsController implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ProductEventsController.name);
  private consumer?: Consumer;
  /** The batches in hand, one per partition at most, each until committed. */
  private readonly inHand = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly batches: ProductEventBatchService,
    private readonly retry: TransientRetry,
    @Inject(batchConfig.KEY) private readonly config: ConfigType<typeof batchConfig>,
  ) {}

  @EventPattern(PRODUCT_EVENTS_TOPIC)
  async onProductEvents(@Ctx() context: KafkaBatchContext): Promise<void> {
    const { batch, heartbeat, resolveOffset, isRunning, isStale } = context.getPayload();
    this.consumer = context.getConsumer();
    for (let from = 0; from < batch.messages.length; from += this.config.maxRecords) {
      if (this.stopping) return this.pauseConsuming(); // not started, not committed: for the partition's next owner
      if (!isRunning() || isStale()) return; // the partition was revoked or seeks: kafkajs fetches again
      const chunk = batch.messages.slice(from, from + this.config.maxRecords);
      await this.handle(batch.topic, batch.partition, chunk, heartbeat);
      resolveOffset(chunk[chunk.length - 1].offset);
      await heartbeat();
    }
  }

  /** Each committed batch's outcome: the one place to count what the consumer did (metrics hook in here). */
  batchDone(outcome: BatchOutcome): void {
    this.logger.debug(
      `${outcome.where}: ${outcome.records} records, ${outcome.applied} applied, ${outcome.stale} stale, ${outcome.rejected} rejected`,
    );
  }

  /**
   * SIGTERM: stop taking batches, let those in hand finish and commit, and only then let Nest stop
   * the consumer (leave the group), close the producers and, last, the database. kafkajs ignores
   * commits once its consumer is stopping, so the batches in hand must be done first.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.stopping = true;
    this.pauseConsuming();
    this.retry.stop(); // a batch waiting out an outage is left uncommitted, for the next owner
    const inHand = [...this.inHand.keys()].join(',');
    this.logger.log(
      `shutdown (${signal ?? 'close'}): stopped taking records; ${inHand ? `finishing ${inHand} first` : 'no record in hand'}`,
    );
    await Promise.all(this.inHand.values());
    await this.batches.sendOwedAcks();
  }

  private async handle(topic: string, partition: number, chunk: KafkaMessage[], heartbeat: () => Promise<void>) {
    const records = chunk.map((message) => receivedRecord(topic, partition, message));
    const where = recordsWhere(records);
    let finish!: () => void;
    this.inHand.set(where, new Promise((resolve) => (finish = resolve)));
    try {
      const outcome = await this.batches.handle(records, (what, step) => this.retry.run(what, step, heartbeat));
      // A coordinator still loading the group after a broker restart is waited out like any outage;
      // one that has moved makes commitBatchProcessed throw for a rejoin, which is not retried.
      const last = { topic, partition, lastOffset: chunk[chunk.length - 1].offset };
      await this.retry.run(
        `committing ${where}`,
        () => commitBatchProcessed(this.consumer as Consumer, last),
        heartbeat,
      );
      if (this.stopping) this.logger.log(`shutdown: committed ${where}, the records in hand`);
      this.batchDone(outcome);
    } finally {
      this.inHand.delete(where);
      finish();
    }
  }

  private pauseConsuming(): void {
    this.consumer?.pause([{ topic: PRODUCT_EVENTS_TOPIC }]);
  }
}
