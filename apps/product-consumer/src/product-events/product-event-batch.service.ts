import { Injectable, Logger, Optional } from '@nestjs/common';
import {
  decodeProductEventMessage,
  type DeadLetterCause,
  type DeadLetterSource,
  type ProductEvent,
} from '@nestjs-kafka-sync/contracts';
import { contextFromHeaders, spanOf, traceHeaders } from '@nestjs-kafka-sync/observability';
import { ConsumerMetrics } from '../metrics/consumer-metrics.js';
import { CatalogBatchService, type UntilDone } from './catalog-batch.service.js';
import { DeadLetterPublisher } from './dead-letter.publisher.js';
import { recordsWhere } from './received-record.js';
import { SyncAckPublisher, type TracedAck } from './sync-ack.publisher.js';
import { outcomeAck, rejectionAck } from './sync-acks.js';

/** What one batch came to, once dead-lettered and acknowledged (the controller then commits it). */
export interface BatchOutcome {
  where: string;
  records: number;
  applied: number;
  stale: number;
  /** Dead-lettered: undecodable, or refused by the database. */
  rejected: number;
}

type DeadLetter = { source: DeadLetterSource; cause: Omit<DeadLetterCause, 'consumerGroup'> };

/**
 * Deals with one partition's batch for good, short of the offset commit: decodes each record,
 * applies the valid ones in one transaction (CatalogBatchService), dead-letters those that can
 * never be applied in one send, and acknowledges every record in one send.
 *
 * Acks of a committed transaction are owed until sent: if the ack send is abandoned (a rebalance
 * seen by a heartbeat while Kafka was unreachable, or shutdown), they are kept and go out first in
 * the next send, so a redelivery's `stale` never replaces the `applied` of the transaction that ran.
 */
@Injectable()
export class ProductEventBatchService {
  private readonly logger = new Logger(ProductEventBatchService.name);
  private owedAcks: TracedAck[] = [];

  constructor(
    private readonly apply: CatalogBatchService,
    private readonly acks: SyncAckPublisher,
    private readonly deadLetters: DeadLetterPublisher,
    @Optional() private readonly metrics?: ConsumerMetrics, // absent where no /metrics is served (tools, tests)
  ) {}

  async handle(records: DeadLetterSource[], untilDone: UntilDone): Promise<BatchOutcome> {
    const where = recordsWhere(records);
    const decoded = records.map((source) => ({ source, decoded: decodeProductEventMessage(source.value) }));
    const valid = decoded.flatMap((d) => (d.decoded.ok ? [{ source: d.source, event: d.decoded.value }] : []));
    const started = Date.now();
    const outcomes = await this.apply.apply(
      valid.map((v) => v.event),
      untilDone,
      (i) => (i === undefined ? where : recordsWhere([valid[i].source])),
    );
    this.metrics?.observeBatch(records.length, Date.now() - started);
    valid.forEach((v, i) => outcomes[i] === 'applied' && this.metrics?.observeAppliedEvent(v.event.occurredAt));
    const outcomeOf = new Map<DeadLetterSource, (typeof outcomes)[number]>(
      valid.map((v, i) => [v.source, outcomes[i]]),
    );
    const letters: DeadLetter[] = [];
    const acks: TracedAck[] = [];
    const counts = { applied: 0, stale: 0, rejected: 0 };
    for (const { source, decoded: d } of decoded) {
      // Each record continues the trace its `traceparent` header carries (the HTTP request that made the change).
      spanOf(`${source.topic} apply`, contextFromHeaders(source.headers), started, (span) => {
        if (d.ok) {
          const outcome = outcomeOf.get(source) ?? 'stale';
          if (typeof outcome === 'object') letters.push(letter(source, 'database-rejected', outcome.rejected));
          counts[typeof outcome === 'object' ? 'rejected' : outcome] += 1;
          acks.push({ ack: outcomeAck(d.value, outcome), trace: traceHeaders(span) });
          this.logOutcome(d.value, outcome);
        } else {
          letters.push(letter(source, d.errorClass, d.reason));
          counts.rejected += 1;
          const ack = rejectionAck(source.key?.toString(), d.reason);
          if (ack) acks.push({ ack, trace: traceHeaders(span) });
        }
      });
    }
    if (letters.length > 0) await this.deadLetter(letters, where, untilDone);
    await this.acknowledge(acks, where, untilDone);
    this.metrics?.recordOutcomes(acks.map(({ ack }) => ack.status));
    return { where, records: records.length, ...counts };
  }

  /** Shutdown: one last try to send acks still owed (they would otherwise be lost with the process). */
  async sendOwedAcks(): Promise<void> {
    const owed = this.owedAcks.splice(0);
    if (owed.length === 0) return;
    await this.acks.send(owed).catch((error: Error) => {
      this.logger.warn(`shutdown: ${owed.length} acks of applied records could not be sent: ${error.message}`);
    });
  }

  private async deadLetter(letters: DeadLetter[], where: string, untilDone: UntilDone): Promise<void> {
    await untilDone(`dead-lettering ${where}`, () => this.deadLetters.publish(...letters));
    for (const { cause } of letters) this.metrics?.deadLettered(cause.errorClass);
    for (const { source, cause } of letters)
      this.logger.warn(
        `dead-lettered ${recordsWhere([source])} (key ${String(source.key)}) as ${cause.errorClass}: ${cause.reason}`,
      );
  }

  private async acknowledge(acks: TracedAck[], where: string, untilDone: UntilDone): Promise<void> {
    this.owedAcks.push(...acks);
    const sending = this.owedAcks.splice(0);
    if (sending.length === 0) return;
    try {
      await untilDone(`acknowledging ${where}`, () => this.acks.send(sending));
    } catch (error) {
      this.owedAcks.unshift(...sending); // still owed: the next batch (or shutdown) sends them first
      throw error;
    }
  }

  /** One line per record, in its span: `grep <trace id>` finds what the replica did with a change. */
  private logOutcome(event: ProductEvent, outcome: unknown): void {
    if (typeof outcome === 'string') this.logger.log(`${outcome} ${event.type} ${event.productId} v${event.version}`);
  }
}

function letter(source: DeadLetterSource, errorClass: DeadLetterCause['errorClass'], reason: string): DeadLetter {
  return { source, cause: { errorClass, reason } };
}
