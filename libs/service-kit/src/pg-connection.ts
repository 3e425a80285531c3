import type { PoolConfig } from 'pg';

export interface PgLimits {
  /** Connections at most. */
  max: number;
  /** Bound on getting a connection, on each statement (enforced by the server) and on each query's answer
   * (enforced here, also when the network has gone silent). */
  callTimeoutMs: number;
}

/**
 * How every app connects to PostgreSQL (Prisma's adapter and plain `pg` pools alike): nothing waits unbounded,
 * and TCP keepalive runs on both ends. Node only sets the client's first probe delay (`net.Socket#setKeepAlive`
 * has no interval or count), so the server is asked for its own probes too: a client that vanished without a
 * FIN (a blackholed network, a killed VM) is dropped after ~25 s, and with its session the relay's advisory
 * lock, instead of after the kernel's default two hours.
 */
export function pgConnection(connectionString: string, { max, callTimeoutMs }: PgLimits): PoolConfig {
  return {
    connectionString,
    max,
    connectionTimeoutMillis: callTimeoutMs,
    statement_timeout: callTimeoutMs,
    query_timeout: callTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    options: '-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3',
  };
}
