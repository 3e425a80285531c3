import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { PgListener } from '@nestjs-kafka-sync/service-kit';
import { databaseConfig } from '../config/database.config.js';

/** The channel api-service's outbox trigger notifies on every committed insert. */
export const OUTBOX_CHANNEL = 'outbox_events';

/**
 * LISTENs for committed outbox rows so the relay publishes promptly. Best effort by design:
 * while disconnected it keeps reconnecting, and the relay's poll covers every missed notification.
 */
@Injectable()
export class OutboxNotifications {
  private readonly logger = new Logger(OutboxNotifications.name);
  private readonly listener: PgListener;

  constructor(@Inject(databaseConfig.KEY) database: ConfigType<typeof databaseConfig>) {
    this.listener = new PgListener(database.url, OUTBOX_CHANNEL, (message) =>
      this.logger.warn(`${message}; polling until it is back`),
    );
  }

  start(onNotify: () => void): void {
    this.listener.start(() => onNotify());
  }

  stop(): Promise<void> {
    return this.listener.stop();
  }
}
