import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { classifyKafkaFailure, rebalanceCause, rejoinCause } from '@nestjs-kafka-sync/kafka-kit';
import { backoffDelay } from '@nestjs-kafka-sync/service-kit';
import { transientRetryConfig } from '../config/transient-retry.config.js';
import { PartitionStalls } from '../health/partition-stalls.js';
import { ConsumerMetrics } from '../metrics/consumer-metrics.js';

/** Thrown instead of retrying once the app is stopping: the record stays uncommitted and is redelivered. */
export class StoppedWhileRetrying extends Error {
  constructor(what: string, cause: unknown) {
    super(`stopped while retrying ${what}`, { cause });
  }
}

/**
 * What a rebalance seen while waiting does: `abandon` throws it at once, which leaves the record
 * uncommitted for whoever owns the partition next; `finish` first retries the step until it succeeds
 * and throws the rebalance after it. An ack is finished: it states what the replica already did, and
 * a redelivery could only say `stale` (the one CI failure of kafka-outage.e2e.spec.ts was that loss).
 */
export type OnRebalance = 'abandon' | 'finish';

/**
 * Retries a step that failed for a reason that may pass (database down or timing out, Kafka
 * unreachable, a coordinator still loading the group after a restart) for as long as it takes, with
 * exponential backoff and jitter. While it waits it keeps sending heartbeats, so the group does not
 * decide this consumer is dead and hand its partitions to another one; see OnRebalance for a
 * heartbeat that says the group is rebalancing.
 *
 * A failure refused for good (classifyKafkaFailure: e.g. a topic it may not write) is not skipped
 * either: skipping would lose the record. It is retried at the longest backoff only (the same
 * request gets the same answer until an operator acts), and PartitionStalls reports it at once on
 * /health, /metrics and GET /sync/status; a failure that may pass is reported once it has lasted.
 */
@Injectable()
export class TransientRetry implements BeforeApplicationShutdown {
  private readonly logger = new Logger(TransientRetry.name);
  private readonly stopping = new AbortController();

  constructor(
    @Inject(transientRetryConfig.KEY)
    private readonly backoff: Pick<ConfigType<typeof transientRetryConfig>, 'baseMs' | 'maxMs'>,
    @Optional() private readonly metrics?: ConsumerMetrics, // absent where no /metrics is served (tools, tests)
    @Optional() private readonly stalls?: PartitionStalls, // absent where no /health is served (tools, tests)
  ) {}

  async run<T>(
    what: string,
    step: () => Promise<T>,
    heartbeat: () => Promise<void>,
    onRebalance: OnRebalance = 'abandon',
  ): Promise<T> {
    try {
      return await this.retry(what, step, heartbeat, onRebalance);
    } finally {
      this.stalls?.ended(what);
    }
  }

  private async retry<T>(
    what: string,
    step: () => Promise<T>,
    heartbeat: () => Promise<void>,
    onRebalance: OnRebalance,
  ): Promise<T> {
    const { baseMs, maxMs } = this.backoff;
    let rebalance: unknown;
    const beat = async () => {
      try {
        await heartbeat();
      } catch (error) {
        if (!rebalanceCause(error) || onRebalance === 'abandon') throw error;
        if (!rebalance) this.logger.warn(`the group is rebalancing: finishing ${what} first`);
        rebalance ??= error;
      }
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await step();
        if (attempt > 1) this.logger.log(`${what} succeeded after ${attempt - 1} failed attempts`);
        if (rebalance) throw rebalance;
        return result;
      } catch (error) {
        if (error === rebalance || rejoinCause(error)) throw error; // a step that says the group moved on: rejoin
        if (this.stopping.signal.aborted) throw new StoppedWhileRetrying(what, error);
        const failure = classifyKafkaFailure(error);
        const stepName = what.split(' ')[0]; // applying, acknowledging, …
        this.stalls?.failed(what, failure);
        if (failure.retriable) this.metrics?.transientRetry(stepName);
        else this.metrics?.permanentFailure(stepName, failure.type);
        const delay = failure.retriable ? backoffDelay(attempt, baseMs, maxMs) : maxMs;
        const message = `${what} failed (attempt ${attempt}), retrying in ${delay} ms: ${(error as Error).message}`;
        if (failure.retriable) this.logger.warn(message);
        else this.logger.error(`${message} (${failure.type}: refused for good, the partition waits for an operator)`);
        await this.waitBeatingHeart(delay, beat);
        if (this.stopping.signal.aborted) throw new StoppedWhileRetrying(what, error);
      }
    }
  }

  /**
   * Ends every wait at once and retries no more: the record in hand is left uncommitted for the
   * next owner instead of holding up shutdown. The consumer's shutdown hook calls it first (Nest
   * runs a dependant's hook before its dependencies'); this hook is the safety net.
   */
  stop(): void {
    this.stopping.abort();
  }

  beforeApplicationShutdown(): void {
    this.stop();
  }

  private async waitBeatingHeart(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    const until = Date.now() + ms;
    for (let left = ms; left > 0 && !this.stopping.signal.aborted; left = until - Date.now()) {
      await sleep(Math.min(left, HEARTBEAT_EVERY_MS), undefined, { signal: this.stopping.signal }).catch(
        () => undefined,
      );
      try {
        await heartbeat(); // kafkajs sends one only when its heartbeat interval has passed
      } catch (error) {
        // A rebalance means the partition may go elsewhere: stop, uncommitted. A broker that cannot be
        // reached, or that is not (yet) the coordinator, is one more transient failure: keep waiting
        // (the group keeps the member for the session timeout; a restarted coordinator reloads it).
        if (rebalanceCause(error)) throw error;
        this.logger.debug(`heartbeat failed, still waiting: ${(error as Error).message}`);
      }
    }
  }
}

/** Well inside any session timeout the broker accepts (6 s at least by default). */
const HEARTBEAT_EVERY_MS = 1000;
