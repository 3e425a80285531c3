import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { decodeSyncAck, SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { SyncStateService } from './sync-state.service.js';

/** Consumes product-consumer's acks into product_sync_state; the offset is committed after the row is written. */
@Controller()
export class SyncAcksController {
  private readonly logger = new Logger(SyncAcksController.name);

  constructor(private readonly syncState: SyncStateService) {}

  @EventPattern(SYNC_ACKS_TOPIC)
  async onAck(@Ctx() context: KafkaContext): Promise<void> {
    const message = context.getMessage();
    const ack = decodeSyncAck(message.value);
    if (ack.ok) await this.syncState.record(ack.value);
    else this.logger.error(`skipped invalid ack ${context.getTopic()}/${context.getPartition()}@${message.offset}: ${ack.reason}`);
    await context
      .getConsumer()
      .commitOffsets([{ topic: context.getTopic(), partition: context.getPartition(), offset: (BigInt(message.offset) + 1n).toString() }]);
  }
}
