import { Controller, Logger, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { decodeSyncAck, SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { commitProcessed, RethrowToKafkajs } from '@nestjs-kafka-sync/kafka-kit';
import { contextFromHeaders, traced } from '@nestjs-kafka-sync/observability';
import { dataRejectionReason } from '@nestjs-kafka-sync/service-kit';
import { SyncStateService } from './sync-state.service.js';

/** Consumes product-consumer's acks into product_sync_state; the offset is committed after the row is written. */
@Controller()
@UseFilters(RethrowToKafkajs)
export class SyncAcksController {
  private readonly logger = new Logger(SyncAcksController.name);

  constructor(private readonly syncState: SyncStateService) {}

  /** Runs in the span the ack's `traceparent` continues: the last hop of the change's trace, and its log line. */
  @EventPattern(SYNC_ACKS_TOPIC)
  async onAck(@Ctx() context: KafkaContext): Promise<void> {
    const message = context.getMessage();
    await traced('product.sync-acks receive', contextFromHeaders(message.headers), async () => {
      const ack = decodeSyncAck(message.value);
      const where = `${context.getTopic()}/${context.getPartition()}@${message.offset}`;
      if (!ack.ok) return this.logger.error(`skipped invalid ack ${where}: ${ack.reason}`);
      try {
        await this.syncState.record(ack.value);
        const { productId, version, status } = ack.value;
        this.logger.log(`ack ${where}: product ${productId} v${version ?? '?'} ${status}`);
      } catch (error) {
        // An ack the database refuses for good must not block its partition; anything else is retried.
        const reason = dataRejectionReason(error);
        if (!reason) throw error;
        this.logger.error(`skipped ack the database refused ${where}: ${reason}`);
      }
    });
    await commitProcessed(context);
  }
}
