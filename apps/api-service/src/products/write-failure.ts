/**
 * What a failed write means for the client, from the database error behind it:
 * - contention: a deadlock (40P01) or serialization failure (40001) — the transaction rolled back
 *   and the same write may pass if run again;
 * - unreachable: the database could not be reached or dropped the connection (class 08, admin or
 *   crash shutdown 57P0x, too many connections, a refused or reset socket), or did not answer in time
 *   (statement timeout 57014, the client's query timeout): the transaction did not commit — try later;
 * - null: anything else, which stays a bug (500).
 */
export type WriteFailure = 'contention' | 'unreachable' | null;

const CONTENTION_SQLSTATES = ['40001', '40P01'];
const UNREACHABLE_SQLSTATES = ['57P01', '57P02', '57P03', '53300', '57014'];
/**
 * Prisma's codes for the same (P2034 write conflict or deadlock; P1001/P1002/P1008/P1017 reach, timeout, closed;
 * P2024 pool timeout; P2037 too many connections; P2028 a transaction that could not start within maxWait, every
 * pooled connection busy, or that expired: rolled back either way).
 */
const CONTENTION_PRISMA = ['P2034'];
const UNREACHABLE_PRISMA = ['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037', 'P2028'];
/** What pg and the adapter say when a socket is gone, where no code says it. */
const UNREACHABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Query read timeout|Connection terminated|connection timeout|timeout exceeded when trying to connect|not currently accepting connections|Can't reach database server|Server has closed the connection|Client has encountered a connection error/i;

/** The driver adapter's kinds for the same, when it has no SQLSTATE to give (a socket closed mid-transaction). */
const CONTENTION_KINDS = ['TransactionWriteConflict'];
const UNREACHABLE_KINDS = ['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'];

interface ErrorShape {
  kind?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  originalCode?: unknown;
  originalMessage?: unknown;
  meta?: { driverAdapterError?: unknown };
}

export function classifyWriteFailure(error: unknown): WriteFailure {
  const chain = errorChain(error);
  const codes = chain
    .flatMap((e) => [e.code, e.originalCode, e.kind])
    .filter((c): c is string => typeof c === 'string');
  const contention = [...CONTENTION_SQLSTATES, ...CONTENTION_PRISMA, ...CONTENTION_KINDS];
  const unreachable = [...UNREACHABLE_SQLSTATES, ...UNREACHABLE_PRISMA, ...UNREACHABLE_KINDS];
  if (codes.some((c) => contention.includes(c))) return 'contention';
  if (codes.some((c) => /^08[0-9A-Z]{3}$/.test(c) || unreachable.includes(c))) return 'unreachable';
  const messages = chain.flatMap((e) => [e.message, e.originalMessage]).filter((m) => typeof m === 'string');
  return messages.some((m) => UNREACHABLE_MESSAGE.test(m as string)) ? 'unreachable' : null;
}

/** The error, its causes and the driver-adapter error Prisma keeps in `meta`, at most a few levels down. */
function errorChain(error: unknown, depth = 0): ErrorShape[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const shape = error as ErrorShape;
  return [shape, ...errorChain(shape.cause, depth + 1), ...errorChain(shape.meta?.driverAdapterError, depth + 1)];
}
