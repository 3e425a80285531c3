import pg from 'pg';
import type { AppProcess } from './app-process.js';
import { e2eEnv } from './env.js';
import { eventually } from './eventually.js';
import type { RelayFailure } from './relay-order.js';

/** The relay's marking statement (OutboxStore.publishNextBatch), as pg_stat_activity shows it. */
const MARKING = 'UPDATE outbox_events SET published_at%';

export interface CaughtRelay {
  victim: AppProcess;
  /** Event ids of the rows the test held; the victim's unmarked batch holds at least one of them. */
  heldEventIds: string[];
  failure: RelayFailure;
}

/**
 * SIGKILLs a relay after Kafka acknowledged its batch and before it marked the rows published,
 * with no hook in the app: the test holds FOR SHARE locks on unpublished outbox rows, so the
 * relay's marking UPDATE, which runs only once the send resolved (acks=all), waits on them;
 * pg_stat_activity names the waiting relay (AppProcess sets PGAPPNAME to its label). Once it is
 * killed the test lets go: the dead relay's transaction rolls back, the rows stay unpublished and
 * the next relay must send them again.
 */
export async function killRelayBetweenAckAndMark(relays: AppProcess[]): Promise<CaughtRelay> {
  const client = new pg.Client({ connectionString: e2eEnv.apiDatabaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN; SET LOCAL statement_timeout = '30s'");
    const held = await eventually(
      async () => {
        const { rows } = await client.query<{ event_id: string }>(
          'SELECT event_id::text FROM outbox_events WHERE published_at IS NULL ORDER BY id FOR SHARE',
        );
        if (rows.length === 0) throw new Error('no unpublished outbox row to hold: is anything writing?');
        return rows.map((row) => row.event_id);
      },
      { timeoutMs: 20_000, intervalMs: 5 },
    );
    const { waiter } = await eventually(
      async () => {
        // Within a transaction PostgreSQL serves pg_stat_activity from a snapshot taken at its first read: take a new one.
        await client.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await client.query<{ waiter: string }>(
          `SELECT application_name AS waiter FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`,
          [MARKING],
        );
        if (rows.length === 0) throw new Error(`no relay waits to mark rows ${held.join(', ')} published`);
        return rows[0];
      },
      { timeoutMs: 30_000, intervalMs: 10 },
    );
    const victim = relays.find((relay) => relay.label === waiter);
    if (!victim) throw new Error(`the marking statement waiting is not one of the relays' but "${waiter}"'s`);
    const from = Date.now();
    if (!(await victim.stop('SIGKILL'))) throw new Error(`${victim.label} was not running when caught`);
    return {
      victim,
      heldEventIds: held,
      failure: { from, to: Date.now(), what: `SIGKILL of ${waiter} before marking` },
    };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}
