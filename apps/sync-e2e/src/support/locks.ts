import pg from 'pg';
import { eventually } from './eventually.js';

/**
 * A PostgreSQL transaction of its own that takes a lock (`sql`) and keeps it until released:
 * how a test makes an app's statement wait, with no hook in the app. Its own connection, so a
 * pool's other queries never queue behind it.
 */
export async function holdLock(
  connectionString: string,
  sql: string,
  params: unknown[] = [],
): Promise<{ release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString });
  client.on('error', () => undefined); // an outage test may cut it; release then has nothing to undo
  await client.connect();
  await client.query('BEGIN');
  await client.query(sql, params);
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

export interface LockWaiter {
  pid: number;
  query: string;
  waitEvent: string;
}

/**
 * Waits until another session of the database at `connectionString` is waiting for a lock while
 * running a statement that matches `statement` (a LIKE pattern), as pg_stat_activity shows it.
 */
export async function waitingOnLock(
  connectionString: string,
  statement: string,
  { timeoutMs = 30_000 } = {},
): Promise<LockWaiter> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await eventually(
      async () => {
        const { rows } = await client.query<LockWaiter>(
          `SELECT pid, query, wait_event AS "waitEvent" FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid()
             AND wait_event_type = 'Lock' AND query LIKE $1`,
          [statement],
        );
        if (rows.length === 0) throw new Error(`no session waits on a lock running ${statement}`);
        return rows[0];
      },
      { timeoutMs, intervalMs: 25 },
    );
  } finally {
    await client.end();
  }
}
