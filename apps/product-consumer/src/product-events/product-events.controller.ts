import { Controller, Logger, UseFilters, type BeforeApplicationShutdown } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import type { Consumer } from 'kafkajs';
import {
  decodeProductEventMessage,
  PRODUCT_EVENTS_TOPIC,
  type DeadLetterErrorClass,
  type DeadLetterSource,
  type SyncAck,
} from '@nestjs-kafka-sync/contracts';
import { commitProcessed, RethrowToKafkajs } from '@nestjs-kafka-sync/kafka-kit';
import { dataRejectionReason } from '@nestjs-kafka-sync/service-kit';
import { CatalogReplicaService } from './catalog-replica.service.js';
import { DeadLetterPublisher } from './dead-letter.publisher.js';
import { receivedRecord } from './received-record.js';
import { SyncAckPublisher } from './sync-ack.publisher.js';
import { outcomeAck, rejectionAck } from './sync-acks.js';
import { TransientRetry, type OnRebalance } from './transient-retry.js';

/**
 * Consumes `product.events` one record at a time per partition and commits its offset only once
 * the record is dealt with for good:
 * - valid: applied in one transaction (or found stale), and acknowledged to api-service;
 * - never applicable (broken, of an unknown type or schema version, or refused by the database as
 *   invalid data): dead-lettered with the reason, and acknowledged as rejected;
 * - anything else (database or Kafka unreachable, a timeout): retried, never skipped.
 * A crash anywhere before the commit replays the record; the version guard makes that a no-op.
 */
@Controller()
@UseFilters(RethrowToKafkajs)
export class ProductEventsController implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ProductEventsController.name);
  private consumer?: Consumer;
  /** One record at a time: kafkajs' default partitionsConsumedConcurrently of 1, which this app keeps. */
  private inHand?: { where: string; finished: Promise<void> };
  private stopping = false;

  constructor(
    private readonly replica: CatalogReplicaService,
    private readonly acks: SyncAckPublisher,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly retry: TransientRetry,
  ) {}

  @EventPattern(PRODUCT_EVENTS_TOPIC)
  async onProductEvent(@Ctx() context: KafkaContext): Promise<void> {
    this.consumer = context.getConsumer();
    if (this.stopping) {
      this.pauseConsuming(); // not started, not committed: the partition's next owner gets this record
      return;
    }
    let finish!: () => void;
    const record = receivedRecord(context);
    const where = `${record.topic}/${record.partition}@${record.offset}`;
    this.inHand = { where, finished: new Promise((resolve) => (finish = resolve)) };
    try {
      await this.handle(record, where, context);
      if (this.stopping) this.logger.log(`shutdown: committed ${where}, the record in hand`);
    } finally {
      this.inHand = undefined;
      finish();
    }
  }

  /**
   * SIGTERM: stop taking records, let the one in hand finish and commit its offset, and only then
   * let Nest stop the consumer (leave the group), close the producers and, last, the database.
   * kafkajs ignores commits once its consumer is stopping, so the record in hand must be done first.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.stopping = true;
    this.pauseConsuming();
    this.retry.stop(); // a record waiting out an outage is left uncommitted, for the next owner
    const inHand = this.inHand;
    this.logger.log(
      `shutdown (${signal ?? 'close'}): stopped taking records; ${inHand ? `finishing ${inHand.where} first` : 'no record in hand'}`,
    );
    await inHand?.finished;
  }

  private pauseConsuming(): void {
    this.consumer?.pause([{ topic: PRODUCT_EVENTS_TOPIC }]);
  }

  private async handle(record: DeadLetterSource, where: string, context: KafkaContext): Promise<void> {
    const untilDone: Retrier = (what, step, onRebalance) =>
      this.retry.run(`${what} ${where}`, step, context.getHeartbeat(), onRebalance);
    const decoded = decodeProductEventMessage(record.value);
    if (decoded.ok) {
      const event = decoded.value;
      const outcome = await untilDone('applying', async () => {
        try {
          return await this.replica.apply(event);
        } catch (error) {
          const reason = dataRejectionReason(error); // retrying can only help if the database, not the event, is the problem
          if (reason) return { rejected: reason };
          throw error;
        }
      });
      if (typeof outcome === 'object') await this.deadLetter(record, 'database-rejected', outcome.rejected, untilDone);
      else this.logger.debug(`${event.type} ${event.productId} v${event.version}: ${outcome}`);
      await this.acknowledge(outcomeAck(event, outcome), untilDone);
    } else {
      await this.deadLetter(record, decoded.errorClass, decoded.reason, untilDone);
      await this.acknowledge(rejectionAck(record.key?.toString(), decoded.reason), untilDone);
    }
    // A coordinator still loading the group after a broker restart is waited out like any outage;
    // one that has moved makes commitProcessed throw for a rejoin, which is not retried here.
    await untilDone('committing', () => commitProcessed(context));
  }

  private async deadLetter(
    record: DeadLetterSource,
    errorClass: DeadLetterErrorClass,
    reason: string,
    untilDone: Retrier,
  ): Promise<void> {
    await untilDone('dead-lettering', () => this.deadLetters.publish(record, { errorClass, reason }));
    this.logger.warn(
      `dead-lettered ${record.topic}/${record.partition}@${record.offset} (key ${String(record.key)}) as ${errorClass}: ${reason}`,
    );
  }

  private async acknowledge(ack: SyncAck | null, untilDone: Retrier): Promise<void> {
    if (ack) await untilDone('acknowledging', () => this.acks.publish(ack), 'finish');
  }
}

type Retrier = <T>(what: string, step: () => Promise<T>, onRebalance?: OnRebalance) => Promise<T>;
