import { PrismaClientKnownRequestError } from '@prisma/client/runtime/client';

/**
 * The Prisma error codes the services act on, named once
 * (https://www.prisma.io/docs/orm/reference/error-reference#prisma-client-query-engine).
 */
export const PRISMA = {
  /** P2000: a value is too long for its column. */
  ValueTooLong: 'P2000',
  /** P2002: a unique constraint would be violated. */
  UniqueViolation: 'P2002',
  /** P2025: the record to update or delete does not exist (or did not match the where clause). */
  RecordNotFound: 'P2025',
} as const;

export type PrismaErrorCode = (typeof PRISMA)[keyof typeof PRISMA];

/** P2010: a raw query failed; the driver adapter's error kind (in `meta`) says why. */
const RAW_QUERY_FAILED = 'P2010';

/** The driver adapter's kind for the same failure in a raw query (`$executeRaw`). */
const RAW_KIND: Record<PrismaErrorCode, string | null> = {
  P2000: 'LengthMismatch',
  P2002: 'UniqueConstraintViolation',
  P2025: null, // a raw statement that matches no row just affects 0 rows
};

/**
 * True when a Prisma call failed with this code, or a raw query with the failure it stands for. Every
 * generated client (one per app) takes its error classes from `@prisma/client/runtime/client`, so one
 * `instanceof` serves them all.
 */
export function isPrismaError(error: unknown, code: PrismaErrorCode): error is PrismaClientKnownRequestError {
  if (!(error instanceof PrismaClientKnownRequestError)) return false;
  if (error.code === code) return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: unknown } } | undefined)?.cause;
  return error.code === RAW_QUERY_FAILED && RAW_KIND[code] !== null && cause?.kind === RAW_KIND[code];
}
