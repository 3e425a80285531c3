/** The server the integration tests use: any database on it works as the admin connection. */
export const adminDatabaseUrl = process.env.PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export const catalogTypesQuery = {
  sql: `SELECT datname, 'x'::"char" AS kind FROM pg_database WHERE datname = current_database()`,
  args: [],
  argTypes: [],
};
