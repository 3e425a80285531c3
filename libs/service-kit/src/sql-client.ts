import type pg from 'pg';

/**
 * Tagged-template SQL on one `pg` client, written as with Prisma's `$executeRaw`/`$queryRaw`: each `${value}`
 * is sent as a bind parameter ($1, $2, …), never spliced into the text; arrays go as PostgreSQL arrays.
 */
export interface SqlClient {
  /** Runs a statement; resolves to the number of rows it touched. */
  execute(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
  /** Runs a query; resolves to its rows, named by their column aliases. */
  query<T>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T[]>;
}

/** The statement text of a tagged template: its values become $1, $2, … in order. */
export function sqlText(strings: readonly string[]): string {
  return strings.reduce((text, part, i) => `${text}$${i}${part}`);
}

/** On one client (a transaction's) or on a pool (each statement on whichever connection is free). */
export function sqlClient(client: Pick<pg.PoolClient, 'query'> | pg.Pool): SqlClient {
  return {
    execute: async (strings, ...values) => (await client.query(sqlText(strings), values)).rowCount ?? 0,
    query: async <T>(strings: TemplateStringsArray, ...values: unknown[]) =>
      (await client.query(sqlText(strings), values)).rows as T[],
  };
}
