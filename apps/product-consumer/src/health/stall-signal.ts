import { Injectable, Logger } from '@nestjs/common';
import { toStallMetadata } from '@nestjs-kafka-sync/contracts';
import type { Consumer } from 'kafkajs';
import type { KafkaMicroservice } from '../control/consumer-control.js';
import type { RetriedStep } from './retried-step.js';
import type { Stall } from './stall-verdict.js';

/**
 * Tells readers of the group's offsets (api-service's GET /sync/status) that a partition is stalled,
 * and why: it commits the partition's current offset again (the first record in hand: nothing moves)
 * with the stall as the offset's metadata. Kafka keeps it with the group, so every instance's stalls
 * are seen in one place without api-service knowing where instances run; the commit that moves the
 * partition on writes no metadata and so clears it. Best effort: a failed signal is logged, the
 * stall is still on /health and /metrics.
 */
@Injectable()
export class StallSignal {
  private readonly logger = new Logger(StallSignal.name);
  private microservice?: KafkaMicroservice;

  /** main.ts hands over the microservice (its consumer exists once it listens). */
  attach(microservice: KafkaMicroservice): void {
    this.microservice = microservice;
  }

  async report(step: RetriedStep, stall: Stall): Promise<void> {
    const consumer = this.microservice?.unwrap<[unknown, Consumer | null, unknown]>()[1];
    if (!consumer || !step.partition) return;
    const { topic, partition, firstOffset } = step.partition;
    const metadata = toStallMetadata({
      records: stall.records,
      step: stall.step,
      reason: stall.reason,
      retriable: stall.retriable,
      since: stall.since.toISOString(),
    });
    await consumer.commitOffsets([{ topic, partition, offset: firstOffset, metadata }]).catch((error: Error) => {
      this.logger.warn(`could not signal the stall of ${stall.records} in the group's offsets: ${error.message}`);
    });
  }
}
