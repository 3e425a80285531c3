import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { decodeProductEventMessage, PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { CatalogReplica } from './catalog-replica.service.js';

/**
 * Consumes `product.events` one record at a time per partition. The offset is committed only
 * after the record's database transaction committed: a crash in between replays the record,
 * which the version guard turns into a no-op.
 */
@Controller()
export class ProductEventsController {
  private readonly logger = new Logger(ProductEventsController.name);

  constructor(private readonly replica: CatalogReplica) {}

  @EventPattern(PRODUCT_EVENTS_TOPIC)
  async onProductEvent(@Ctx() context: KafkaContext): Promise<void> {
    const message = context.getMessage();
    const decoded = decodeProductEventMessage(message.value);
    if (decoded.ok) {
      const outcome = await this.replica.apply(decoded.value);
      this.logger.debug(`${decoded.value.type} ${decoded.value.productId} v${decoded.value.version}: ${outcome}`);
    } else {
      this.logger.error(
        `skipped invalid record ${context.getTopic()}/${context.getPartition()}@${message.offset} (key ${String(message.key)}): ${decoded.reason}`,
      );
    }
    await context
      .getConsumer()
      .commitOffsets([{ topic: context.getTopic(), partition: context.getPartition(), offset: (BigInt(message.offset) + 1n).toString() }]);
  }
}
