import { sqlStateOf } from './sql-state.js';

/**
 * SQLSTATE classes that retrying the same event can never fix: 22 data exception (a value too
 * long, out of range, malformed), 23 integrity constraint violation (a CHECK the row breaks).
 * Anything else (a lost connection, a timeout, a serialization failure) may pass on retry.
 */
const PERMANENT_SQLSTATE_CLASSES = ['22', '23'];

/** A Prisma driver-adapter error (the SQLSTATE in its cause), or node-postgres' own DatabaseError (in `code`). */
interface AdapterErrorShape {
  message?: string;
  cause?: { originalCode?: string; originalMessage?: string };
  meta?: { driverAdapterError?: { cause?: { originalCode?: string; originalMessage?: string } } };
}

/** Why the database refused a record for good, or null if the error may be transient (then retry). */
export function dataRejectionReason(error: unknown): string | null {
  const shape = (error ?? {}) as AdapterErrorShape;
  const cause = shape.meta?.driverAdapterError?.cause ?? shape.cause;
  const sqlState = cause?.originalCode ?? sqlStateOf(error);
  if (!sqlState || !PERMANENT_SQLSTATE_CLASSES.includes(sqlState.slice(0, 2))) return null;
  return `database refused the event (SQLSTATE ${sqlState}): ${cause?.originalMessage ?? shape.message ?? 'no message'}`;
}
