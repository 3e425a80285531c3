import { Controller, Logger, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import type { KafkaMessage } from 'kafkajs';
import { decodeSyncAck, SYNC_ACKS_TOPIC, type SyncAck } from '@nestjs-kafka-sync/contracts';
import { commitBatchProcessed, type KafkaBatchContext, RethrowToKafkajs } from '@nestjs-kafka-sync/kafka-kit';
import { contextFromHeaders, spanOf } from '@nestjs-kafka-sync/observability';
import { dataRejectionReason } from '@nestjs-kafka-sync/service-kit';
import { SyncStateService } from './sync-state.service.js';

/** Acks recorded per statement: a partition's fetch can hold thousands. */
const ACKS_PER_STATEMENT = 1000;

/**
 * Consumes product-consumer's acks into product_sync_state a partition's batch at a time (BatchServerKafka):
 * one statement per batch and one offset commit after it, so acks keep up with the API's write rate and a
 * `Prefer: wait-for-sync` client is answered as soon as its ack lands.
 */
@Controller()
@UseFilters(RethrowToKafkajs)
export class SyncAcksController {
  private readonly logger = new Logger(SyncAcksController.name);

  constructor(private readonly syncState: SyncStateService) {}

  @EventPattern(SYNC_ACKS_TOPIC)
  async onAcks(@Ctx() context: KafkaBatchContext): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = context.getPayload();
    for (let from = 0; from < batch.messages.length; from += ACKS_PER_STATEMENT) {
      if (!isRunning() || isStale()) return; // revoked or seeking: kafkajs fetches again
      const chunk = batch.messages.slice(from, from + ACKS_PER_STATEMENT);
      await this.record(batch.partition, chunk);
      const lastOffset = chunk[chunk.length - 1].offset;
      resolveOffset(lastOffset);
      await commitBatchProcessed(context.getConsumer(), { topic: batch.topic, partition: batch.partition, lastOffset });
      await heartbeat();
    }
  }

  private async record(partition: number, messages: KafkaMessage[]): Promise<void> {
    const started = Date.now();
    const decoded = messages.map((message) => ({ message, ack: decodeSyncAck(message.value) }));
    const valid = decoded.flatMap(({ message, ack }) => (ack.ok ? [{ message, ack: ack.value }] : []));
    try {
      await this.syncState.recordAll(valid.map(({ ack }) => ack));
    } catch (error) {
      // The database refused the batch's data for good: find the ack at fault, record the others.
      if (!dataRejectionReason(error)) throw error;
      for (const { message, ack } of valid) await this.recordAlone(partition, message, ack);
    }
    // Each ack in the span its `traceparent` continues: the last hop of the change's trace, and its log line.
    for (const { message, ack } of decoded)
      spanOf(`${SYNC_ACKS_TOPIC} receive`, contextFromHeaders(message.headers), started, () => {
        const where = `${SYNC_ACKS_TOPIC}/${partition}@${message.offset}`;
        if (!ack.ok) return this.logger.error(`skipped invalid ack ${where}: ${ack.reason}`);
        const { productId, version, status } = ack.value;
        this.logger.log(`ack ${where}: product ${productId} v${version ?? '?'} ${status}`);
      });
  }

  /** An ack the database refuses for good must not block its partition; anything else is retried. */
  private async recordAlone(partition: number, message: KafkaMessage, ack: SyncAck): Promise<void> {
    try {
      await this.syncState.recordAll([ack]);
    } catch (error) {
      const reason = dataRejectionReason(error);
      if (!reason) throw error;
      this.logger.error(
        `skipped ack the database refused ${SYNC_ACKS_TOPIC}/${partition}@${message.offset}: ${reason}`,
      );
    }
  }
}
