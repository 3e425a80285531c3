import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { outboxConfig } from '../config/outbox.config.js';
import { OutboxStore } from './outbox.store.js';

/** Rows deleted per statement: short transactions, no long lock on the table api-service writes to. */
const DELETE_BATCH = 5000;

/**
 * Keeps outbox_events from growing forever: every OUTBOX_CLEANUP_INTERVAL_MS it deletes the rows
 * published more than OUTBOX_RETENTION_HOURS ago, in batches. Safe with several producers running
 * (each delete takes only rows that exist, published, and old) and never touches unpublished rows.
 */
@Injectable()
export class OutboxRetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRetentionService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly store: OutboxStore,
    @Inject(outboxConfig.KEY) private readonly outbox: ConfigType<typeof outboxConfig>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => (this.running ??= this.cleanUp().finally(() => (this.running = undefined))),
      this.outbox.cleanupIntervalMs,
    );
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Deletes everything past retention; returns how many rows. */
  async cleanUp(): Promise<number> {
    const retentionMs = this.outbox.retentionHours * 60 * 60 * 1000;
    let deleted = 0;
    try {
      for (let batch = DELETE_BATCH; batch === DELETE_BATCH; deleted += batch) {
        batch = await this.store.deletePublishedBefore(retentionMs, DELETE_BATCH);
      }
    } catch (error) {
      this.logger.warn(`outbox clean-up failed, next try in one interval: ${(error as Error).message}`);
    }
    if (deleted > 0)
      this.logger.log(`deleted ${deleted} outbox rows published over ${this.outbox.retentionHours} h ago`);
    return deleted;
  }
}
