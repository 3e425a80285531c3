import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { KafkaFailure } from '@nestjs-kafka-sync/kafka-kit';
import { transientRetryConfig } from '../config/transient-retry.config.js';
import { ConsumerMetrics } from '../metrics/consumer-metrics.js';
import { retriedStep } from './retried-step.js';
import { StallSignal } from './stall-signal.js';
import { reportableStalls, type Stall } from './stall-verdict.js';

/**
 * The steps TransientRetry is retrying right now, by what they are about: what /health, /metrics and
 * (through StallSignal) GET /sync/status report, so that no partition waits unseen. A step is
 * reported once it failed permanently or has kept failing for CONSUMER_STALL_REPORT_AFTER_MS.
 */
@Injectable()
export class PartitionStalls {
  private readonly logger = new Logger(PartitionStalls.name);
  private readonly stalls = new Map<string, Stall>();
  private readonly signalled = new Set<string>();

  constructor(
    @Inject(transientRetryConfig.KEY) private readonly config: ConfigType<typeof transientRetryConfig>,
    private readonly indicator: HealthIndicatorService,
    private readonly signal: StallSignal,
    @Optional() private readonly metrics?: ConsumerMetrics,
  ) {}

  failed(what: string, failure: KafkaFailure, at = new Date()): void {
    const step = retriedStep(what);
    const previous = this.stalls.get(what);
    const reason = `${failure.type}: ${failure.message}`;
    const stall: Stall = {
      records: step.records,
      step: step.step,
      reason,
      retriable: failure.retriable,
      since: previous?.since ?? at,
      failures: (previous?.failures ?? 0) + 1,
    };
    this.stalls.set(what, stall);
    this.updateGauge();
    const signalledAs = this.signalled.has(what);
    if (signalledAs || reportableStalls([stall], at.getTime(), this.config.reportStallAfterMs).length === 0) return;
    this.signalled.add(what);
    this.logger.error(
      `${stall.records} is stalled: ${stall.step} has failed ${stall.failures} time(s) since ${stall.since.toISOString()}` +
        ` (${stall.retriable ? 'may pass' : 'permanent: an operator must act'}): ${reason}`,
    );
    void this.signal.report(step, stall);
  }

  /** The step succeeded, or was abandoned (rebalance, shutdown): its records are no longer held up here. */
  ended(what: string): void {
    const stall = this.stalls.get(what);
    if (!stall) return;
    this.stalls.delete(what);
    this.updateGauge();
    if (this.signalled.delete(what))
      this.logger.log(`${stall.records}: ${stall.step} no longer stalled after ${stall.failures} failure(s)`);
  }

  reportable(now = Date.now()): Stall[] {
    return reportableStalls(this.stalls.values(), now, this.config.reportStallAfterMs);
  }

  /** Terminus indicator: down while any stall is reportable, each with its step, records and reason. */
  check(key: string) {
    const stalls = this.reportable().map((s) => ({ ...s, since: s.since.toISOString() }));
    const attempt = this.indicator.check(key);
    return stalls.length === 0 ? attempt.up({ stalled: 0 }) : attempt.down({ stalled: stalls.length, stalls });
  }

  private updateGauge(): void {
    const all = [...this.stalls.values()];
    this.metrics?.stalledSteps(all.filter((s) => s.retriable).length, all.filter((s) => !s.retriable).length);
  }
}
