import type { PoolConfig } from 'pg';

/**
 * Splits a PostgreSQL URL into discrete node-postgres fields. Never hand the URL itself to a
 * pool that Prisma's schema engine derives a shadow database from: node-postgres lets a
 * `connectionString` override `database`, so the "shadow" database would be the real one.
 */
export function poolConfigFromUrl(databaseUrl: string): PoolConfig {
  const url = new URL(databaseUrl);
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new Error(`Not a PostgreSQL URL: ${url.protocol}//${url.host}`);
  }
  const sslmode = url.searchParams.get('sslmode');
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    ...(sslmode && sslmode !== 'disable' ? { ssl: { rejectUnauthorized: sslmode === 'verify-full' } } : {}),
  };
}
