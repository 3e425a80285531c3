import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { PgListener } from '@nestjs-kafka-sync/service-kit';
import { databaseConfig } from '../config/database.config.js';
import { syncConfig } from '../config/sync.config.js';
import { TooManySyncWaiters } from './sync.errors.js';

/** The channel SyncStateService.record notifies with a product id, in the ack's transaction. */
export const SYNC_CHANNEL = 'product_sync';

/**
 * Wakes `Prefer: wait-for-sync` requests when an ack for their product is recorded, by whichever api-service
 * instance consumed it (PostgreSQL LISTEN/NOTIFY), instead of each request polling. Bounds how many may wait:
 * a slot is taken before the write (`reserve`), so a refused request has written nothing.
 */
@Injectable()
export class SyncWaiters implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SyncWaiters.name);
  private readonly listener: PgListener;
  private readonly waiting = new Map<string, Set<() => void>>();
  private slots = 0;

  constructor(
    @Inject(databaseConfig.KEY) database: ConfigType<typeof databaseConfig>,
    @Inject(syncConfig.KEY) private readonly sync: ConfigType<typeof syncConfig>,
  ) {
    this.listener = new PgListener(database.url, SYNC_CHANNEL, (message) => this.logger.warn(message));
  }

  onModuleInit(): void {
    this.listener.start((productId) => this.wake(productId));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
    this.wake(); // nobody waits on a closed listener
  }

  /** Takes a waiting slot, or refuses when all are taken; the returned function gives it back. */
  reserve(): () => void {
    if (this.slots >= this.sync.maxWaiters) throw new TooManySyncWaiters(this.sync.maxWaiters);
    this.slots += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.slots -= 1;
    };
  }

  /** How many requests hold a slot now. */
  get waiters(): number {
    return this.slots;
  }

  /** Resolves on the next notification for the product, after `ms`, or once `signal` aborts: then look again. */
  next(productId: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wakers = this.waiting.get(productId) ?? new Set<() => void>();
      this.waiting.set(productId, wakers);
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        wakers.delete(done);
        if (wakers.size === 0 && this.waiting.get(productId) === wakers) this.waiting.delete(productId);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
      wakers.add(done);
    });
  }

  /** One product's waiters, or (no id: after a reconnect, anything may have been missed) all of them. */
  private wake(productId?: string): void {
    const groups = productId === undefined ? [...this.waiting.values()] : [this.waiting.get(productId)];
    for (const wakers of groups) for (const wake of [...(wakers ?? [])]) wake();
  }
}
