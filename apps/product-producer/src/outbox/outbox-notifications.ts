import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import pg from 'pg';
import { databaseConfig } from '../config/database.config.js';

/** The channel api-service's outbox trigger notifies on every committed insert. */
export const OUTBOX_CHANNEL = 'outbox_events';
const RECONNECT_DELAY_MS = 1000;

/**
 * LISTENs for committed outbox rows so the relay publishes promptly. Best effort by design:
 * while disconnected it keeps reconnecting, and the relay's poll covers every missed notification.
 */
@Injectable()
export class OutboxNotifications {
  private readonly logger = new Logger(OutboxNotifications.name);
  private client?: pg.Client;
  private stopped = true;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(@Inject(databaseConfig.KEY) private readonly database: ConfigType<typeof databaseConfig>) {}

  start(onNotify: () => void): void {
    this.stopped = false;
    void this.connect(onNotify);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(onNotify: () => void): Promise<void> {
    const client = new pg.Client({ connectionString: this.database.url });
    this.client = client;
    const retry = (error: Error) => {
      if (this.stopped || this.client !== client) return;
      this.logger.warn(`LISTEN connection lost (${error.message}); polling until it is back`);
      this.client = undefined;
      client.end().catch(() => undefined);
      this.reconnectTimer = setTimeout(() => void this.connect(onNotify), RECONNECT_DELAY_MS);
    };
    client.on('error', retry);
    client.on('end', () => retry(new Error('connection ended')));
    client.on('notification', onNotify);
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      onNotify(); // anything committed while we were not listening
    } catch (error) {
      retry(error as Error);
    }
  }
}
