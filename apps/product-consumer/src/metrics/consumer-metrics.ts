import { Injectable } from '@nestjs/common';
import { DEAD_LETTER_ERROR_CLASSES, type DeadLetterErrorClass } from '@nestjs-kafka-sync/contracts';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge, Histogram } from 'prom-client';
import {
  APPLY_DURATION,
  BATCH_SIZE,
  DEAD_LETTERS,
  PERMANENT_FAILURES,
  RECORDS,
  STALLED_STEPS,
  SYNC_LATENCY,
  TRANSIENT_RETRIES,
  TRUNCATED_DEAD_LETTERS,
} from './consumer-metric-providers.js';

/** The steps TransientRetry names (the first word of what it retries, in product-events). */
const RETRIED_STEPS = ['applying', 'acknowledging', 'dead-lettering', 'committing'];

/** The status of the ack a record got: what it did to the replica. */
export type AckedOutcome = 'applied' | 'stale' | 'rejected';

/**
 * What product-consumer reports to Prometheus. Injectable anywhere (ConsumerMetricsModule is global).
 * A record that cannot be applied counts twice, on purpose: as `rejected` (its ack, when it has a
 * key to ack against) and as `dead-lettered` (with its error class).
 */
@Injectable()
export class ConsumerMetrics {
  constructor(
    @InjectMetric(RECORDS) private readonly records: Counter,
    @InjectMetric(BATCH_SIZE) private readonly batchSize: Histogram,
    @InjectMetric(APPLY_DURATION) private readonly applyDuration: Histogram,
    @InjectMetric(SYNC_LATENCY) private readonly syncLatency: Histogram,
    @InjectMetric(TRANSIENT_RETRIES) private readonly retries: Counter,
    @InjectMetric(DEAD_LETTERS) private readonly deadLetters: Counter,
    @InjectMetric(PERMANENT_FAILURES) private readonly permanentFailures: Counter,
    @InjectMetric(STALLED_STEPS) private readonly stalled: Gauge,
    @InjectMetric(TRUNCATED_DEAD_LETTERS) private readonly truncated: Counter,
  ) {
    // Every series exists from the start at 0, so rate() and alerts see the first increment.
    for (const outcome of ['applied', 'stale', 'rejected', 'dead-lettered']) records.inc({ outcome }, 0);
    for (const errorClass of DEAD_LETTER_ERROR_CLASSES) deadLetters.inc({ error_class: errorClass }, 0);
    for (const step of RETRIED_STEPS) retries.inc({ step }, 0);
    this.stalledSteps(0, 0);
    truncated.inc(0);
  }

  /** One call per batch (or record), with the status of every ack sent for it. */
  recordOutcomes(outcomes: readonly AckedOutcome[]): void {
    for (const outcome of outcomes) this.records.inc({ outcome });
  }

  observeBatch(size: number, durationMs: number): void {
    this.batchSize.observe(size);
    this.applyDuration.observe(durationMs / 1000);
  }

  observeSyncLatency(ms: number): void {
    this.syncLatency.observe(Math.max(0, ms) / 1000);
  }

  /** The end-to-end latency of an event applied now, from its contract's `occurredAt`. */
  observeAppliedEvent(occurredAt: string, appliedAt = Date.now()): void {
    this.observeSyncLatency(appliedAt - Date.parse(occurredAt));
  }

  deadLettered(errorClass: DeadLetterErrorClass): void {
    this.deadLetters.inc({ error_class: errorClass });
    this.records.inc({ outcome: 'dead-lettered' });
  }

  /** `step`: what was retried, e.g. `applying`, `acknowledging`, `dead-lettering`. */
  transientRetry(step: string): void {
    this.retries.inc({ step });
  }

  /** A step refused for good (`type`: the broker's error type); it is still retried, slowly, and reported as a stall. */
  permanentFailure(step: string, type: string): void {
    this.permanentFailures.inc({ step, type });
  }

  stalledSteps(retriable: number, permanent: number): void {
    this.stalled.set({ retriable: 'true' }, retriable);
    this.stalled.set({ retriable: 'false' }, permanent);
  }

  deadLetterTruncated(): void {
    this.truncated.inc();
  }
}
