import pg from 'pg';

const RECONNECT_DELAY_MS = 1000;

/**
 * One LISTEN connection that keeps itself up: on a lost connection it reconnects every second. Best effort by
 * design, for callers that also have a slower path: a notification sent while it was down is lost, so after each
 * (re)connect it calls `onNotify` without a payload, meaning "anything may have happened: look again".
 */
export class PgListener {
  private client?: pg.Client;
  private stopped = true;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly warn: (message: string) => void,
  ) {}

  start(onNotify: (payload?: string) => void): void {
    this.stopped = false;
    void this.connect(onNotify);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(onNotify: (payload?: string) => void): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true });
    this.client = client;
    const retry = (error: Error) => {
      if (this.stopped || this.client !== client) return;
      this.warn(`LISTEN ${this.channel}: connection lost (${error.message}); reconnecting`);
      this.client = undefined;
      client.end().catch(() => undefined);
      this.reconnectTimer = setTimeout(() => void this.connect(onNotify), RECONNECT_DELAY_MS);
    };
    client.on('error', retry);
    client.on('end', () => retry(new Error('connection ended')));
    client.on('notification', (message) => onNotify(message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      onNotify(); // anything sent while we were not listening
    } catch (error) {
      retry(error as Error);
    }
  }
}
