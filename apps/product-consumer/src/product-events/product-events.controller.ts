import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { decodeProductEventMessage, PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { dataRejectionReason } from '@nestjs-kafka-sync/service-kit';
import { CatalogReplica } from './catalog-replica.service.js';
import { SyncAckPublisher } from './sync-ack.publisher.js';
import { outcomeAck, rejectionAck } from './sync-acks.js';

/**
 * Consumes `product.events` one record at a time per partition: apply (in one transaction), tell
 * api-service what happened, and only then commit the offset. A crash anywhere in between replays
 * the record, which the version guard turns into a no-op acknowledged as `stale`.
 */
@Controller()
export class ProductEventsController {
  private readonly logger = new Logger(ProductEventsController.name);

  constructor(
    private readonly replica: CatalogReplica,
    private readonly acks: SyncAckPublisher,
  ) {}

  @EventPattern(PRODUCT_EVENTS_TOPIC)
  async onProductEvent(@Ctx() context: KafkaContext): Promise<void> {
    const message = context.getMessage();
    const decoded = decodeProductEventMessage(message.value);
    const where = `${context.getTopic()}/${context.getPartition()}@${message.offset} (key ${String(message.key)})`;
    if (decoded.ok) {
      try {
        const outcome = await this.replica.apply(decoded.value);
        this.logger.debug(`${decoded.value.type} ${decoded.value.productId} v${decoded.value.version}: ${outcome}`);
        await this.acks.publish(outcomeAck(decoded.value, outcome));
      } catch (error) {
        // Retrying can only help if the database, not the event, is the problem.
        const reason = dataRejectionReason(error);
        if (!reason) throw error;
        this.logger.error(`skipped record the database refused ${where}: ${reason}`);
        await this.acks.publish(outcomeAck(decoded.value, { rejected: reason }));
      }
    } else {
      this.logger.error(`skipped invalid record ${where}: ${decoded.reason}`);
      const ack = rejectionAck(message.key, decoded.reason);
      if (ack) await this.acks.publish(ack);
    }
    await context
      .getConsumer()
      .commitOffsets([{ topic: context.getTopic(), partition: context.getPartition(), offset: (BigInt(message.offset) + 1n).toString() }]);
  }
}
