import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { backoffDelay } from '@nestjs-kafka-sync/service-kit';
import { outboxConfig } from '../config/outbox.config.js';
import { ProductEventPublisher } from '../kafka/product-event.publisher.js';
import { RelayMetrics } from '../metrics/relay-metrics.js';
import { OutboxNotifications } from './outbox-notifications.js';
import { classifySendFailure } from '../kafka/send-failure.js';
import { OutboxStore, type OutboxRow, type ParkedRow } from './outbox.store.js';

export interface RelayStatus {
  published: number;
  lastSuccessAt: Date | null;
  lastError: string | null;
  consecutiveFailures: number;
}

/**
 * Moves committed outbox rows to Kafka, oldest first. Woken by NOTIFY, and polls anyway; on any
 * failure it retries the same rows with backoff, so the order per product survives every outage.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly stopping = new AbortController();
  private wake?: AbortController;
  private loop?: Promise<void>;
  private readonly state: RelayStatus = { published: 0, lastSuccessAt: null, lastError: null, consecutiveFailures: 0 };

  constructor(
    private readonly store: OutboxStore,
    private readonly publisher: ProductEventPublisher,
    private readonly notifications: OutboxNotifications,
    private readonly metrics: RelayMetrics,
    @Inject(outboxConfig.KEY) private readonly outbox: ConfigType<typeof outboxConfig>,
  ) {}

  status(): RelayStatus {
    return { ...this.state };
  }

  onApplicationBootstrap(): void {
    this.notifications.start(() => this.wake?.abort());
    this.loop = this.run();
  }

  /** Lets the batch in hand finish (and be marked published) before the producer and pool close. */
  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    await this.notifications.stop();
  }

  private async run(): Promise<void> {
    const { batchSize, pollIntervalMs: pollMs, maxBackoffMs } = this.outbox;
    while (!this.stopping.signal.aborted) {
      this.wake = new AbortController();
      try {
        const handled = await this.store.publishNextBatch(
          batchSize,
          (rows) => this.publish(rows),
          (latencies, parked) => this.recordMarked(latencies, parked),
        );
        this.recordSuccess(handled ?? 0);
        if (handled === batchSize) continue; // more may be waiting
        await this.pause(pollMs, this.wake.signal);
      } catch (error) {
        this.metrics.failed();
        this.state.consecutiveFailures += 1;
        this.state.lastError = (error as Error).message;
        const delay = backoffDelay(this.state.consecutiveFailures, 200, maxBackoffMs);
        const needs =
          classifySendFailure(error) === 'permanent' ? ' (Kafka refuses it for good: needs an operator)' : '';
        this.logger.warn(
          `relay failed (attempt ${this.state.consecutiveFailures})${needs}, retrying in ${delay} ms: ${this.state.lastError}`,
        );
        await this.pause(delay); // not cut short by NOTIFY: a down broker must not be hammered on every write
      }
    }
  }

  /** Sends the rows; returns those no request can ever carry, to be parked in the same transaction. */
  private async publish(rows: OutboxRow[]): Promise<ParkedRow[]> {
    const refused = await this.publisher.publish(rows.map((row) => ({ event: row.payload, trace: traceOf(row) })));
    const idOf = new Map(rows.map((row) => [row.payload.eventId, row.id]));
    return refused.flatMap(({ eventId, reason }) => {
      const id = idOf.get(eventId);
      return id === undefined ? [] : [{ id, reason }];
    });
  }

  /** After the commit: a parked row is loud (warn, metric, /health), and never stops the rows after it. */
  private recordMarked(latencies: number[], parked: ParkedRow[]): void {
    this.metrics.marked(latencies);
    this.metrics.parked(parked.length);
    for (const { id, reason } of parked)
      this.logger.warn(`parked outbox row ${id}: ${reason}; it will not be retried (see README "When things fail")`);
  }

  private recordSuccess(published: number): void {
    if (this.state.consecutiveFailures > 0)
      this.logger.log(`relay recovered after ${this.state.consecutiveFailures} failed attempts`);
    this.state.published += published;
    this.state.lastSuccessAt = new Date();
    this.state.lastError = null;
    this.state.consecutiveFailures = 0;
  }

  /** Sleeps until the timeout, shutdown, or (when given) a wake-up signal. */
  private async pause(ms: number, wake?: AbortSignal): Promise<void> {
    const signal = wake ? AbortSignal.any([this.stopping.signal, wake]) : this.stopping.signal;
    await sleep(ms, undefined, { signal }).catch(() => undefined);
  }
}

/** The row's trace context as Kafka headers: none for a row written outside any request (a repair, older rows). */
function traceOf(row: OutboxRow): Record<string, string> {
  return row.traceparent ? { traceparent: row.traceparent } : {};
}
