import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '../config/env.schema.js';
import { OutboxStore } from './outbox.store.js';

/** Rows deleted per statement: short transactions, no long lock on the table api-service writes to. */
const DELETE_BATCH = 5000;

/**
 * Keeps outbox_events from growing forever: every OUTBOX_CLEANUP_INTERVAL_MS it deletes the rows
 * published more than OUTBOX_RETENTION_HOURS ago, in batches. Safe with several producers running
 * (each delete takes only rows that exist, published, and old) and never touches unpublished rows.
 */
@Injectable()
export class OutboxRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRetention.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly store: OutboxStore,
    private readonly config: ConfigService<Env, true>,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.get('OUTBOX_CLEANUP_INTERVAL_MS', { infer: true });
    this.timer = setInterval(() => (this.running ??= this.cleanUp().finally(() => (this.running = undefined))), every);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Deletes everything past retention; returns how many rows. */
  async cleanUp(): Promise<number> {
    const retentionMs = this.config.get('OUTBOX_RETENTION_HOURS', { infer: true }) * 60 * 60 * 1000;
    let deleted = 0;
    try {
      for (let batch = DELETE_BATCH; batch === DELETE_BATCH; deleted += batch) {
        batch = await this.store.deletePublishedBefore(retentionMs, DELETE_BATCH);
      }
    } catch (error) {
      this.logger.warn(`outbox clean-up failed, next try in one interval: ${(error as Error).message}`);
    }
    if (deleted > 0)
      this.logger.log(
        `deleted ${deleted} outbox rows published over ${this.config.get('OUTBOX_RETENTION_HOURS', { infer: true })} h ago`,
      );
    return deleted;
  }
}
