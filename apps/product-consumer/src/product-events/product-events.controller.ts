import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { decodeProductEventMessage, PRODUCT_EVENTS_TOPIC, type DeadLetterErrorClass, type DeadLetterSource, type SyncAck } from '@nestjs-kafka-sync/contracts';
import { dataRejectionReason } from '@nestjs-kafka-sync/service-kit';
import { CatalogReplica } from './catalog-replica.service.js';
import { DeadLetterPublisher } from './dead-letter.publisher.js';
import { SyncAckPublisher } from './sync-ack.publisher.js';
import { outcomeAck, rejectionAck } from './sync-acks.js';
import { TransientRetry } from './transient-retry.js';

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
export class ProductEventsController {
  private readonly logger = new Logger(ProductEventsController.name);

  constructor(
    private readonly replica: CatalogReplica,
    private readonly acks: SyncAckPublisher,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly retry: TransientRetry,
  ) {}

  @EventPattern(PRODUCT_EVENTS_TOPIC)
  async onProductEvent(@Ctx() context: KafkaContext): Promise<void> {
    const message = context.getMessage();
    const record: DeadLetterSource = { topic: context.getTopic(), partition: context.getPartition(), ...message };
    const where = `${record.topic}/${record.partition}@${record.offset}`;
    const untilDone = <T>(what: string, step: () => Promise<T>) => this.retry.run(`${what} ${where}`, step, context.getHeartbeat());

    const decoded = decodeProductEventMessage(message.value);
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
      await this.acknowledge(rejectionAck(message.key?.toString(), decoded.reason), untilDone);
    }
    await context.getConsumer().commitOffsets([{ topic: record.topic, partition: record.partition, offset: (BigInt(record.offset) + 1n).toString() }]);
  }

  private async deadLetter(record: DeadLetterSource, errorClass: DeadLetterErrorClass, reason: string, untilDone: Retrier): Promise<void> {
    await untilDone('dead-lettering', () => this.deadLetters.publish(record, { errorClass, reason }));
    this.logger.warn(`dead-lettered ${record.topic}/${record.partition}@${record.offset} (key ${String(record.key)}) as ${errorClass}: ${reason}`);
  }

  private async acknowledge(ack: SyncAck | null, untilDone: Retrier): Promise<void> {
    if (ack) await untilDone('acknowledging', () => this.acks.publish(ack));
  }
}

type Retrier = <T>(what: string, step: () => Promise<T>) => Promise<T>;
