import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { rejoinCause } from '@nestjs-kafka-sync/kafka-kit';
import { backoffDelay } from '@nestjs-kafka-sync/service-kit';
import { transientRetryConfig } from '../config/transient-retry.config.js';

/** Thrown instead of retrying once the app is stopping: the record stays uncommitted and is redelivered. */
export class StoppedWhileRetrying extends Error {
  constructor(what: string, cause: unknown) {
    super(`stopped while retrying ${what}`, { cause });
  }
}

/**
 * Retries a step that failed for a reason that may pass (database down or timing out, Kafka
 * unreachable) for as long as it takes, with exponential backoff and jitter. While it waits it
 * keeps sending heartbeats, so the group does not decide this consumer is dead and hand its
 * partitions to another one; a heartbeat that fails because the group is rebalancing is thrown,
 * which leaves the record uncommitted for whoever owns the partition next.
 */
@Injectable()
export class TransientRetry implements BeforeApplicationShutdown {
  private readonly logger = new Logger(TransientRetry.name);
  private readonly stopping = new AbortController();

  constructor(@Inject(transientRetryConfig.KEY) private readonly backoff: ConfigType<typeof transientRetryConfig>) {}

  async run<T>(what: string, step: () => Promise<T>, heartbeat: () => Promise<void>): Promise<T> {
    const { baseMs, maxMs } = this.backoff;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await step();
        if (attempt > 1) this.logger.log(`${what} succeeded after ${attempt - 1} failed attempts`);
        return result;
      } catch (error) {
        if (this.stopping.signal.aborted) throw new StoppedWhileRetrying(what, error);
        const delay = backoffDelay(attempt, baseMs, maxMs);
        this.logger.warn(`${what} failed (attempt ${attempt}), retrying in ${delay} ms: ${(error as Error).message}`);
        await this.waitBeatingHeart(delay, heartbeat);
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
        // reached is one more transient failure: keep waiting (the group keeps the member for the session timeout).
        if (rejoinCause(error)) throw error;
        this.logger.debug(`heartbeat failed, still waiting: ${(error as Error).message}`);
      }
    }
  }
}

/** Well inside any session timeout the broker accepts (6 s at least by default). */
const HEARTBEAT_EVERY_MS = 1000;
