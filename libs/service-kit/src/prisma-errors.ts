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

/**
 * True when a Prisma call failed with this code. Every generated client (one per app) takes its
 * error classes from `@prisma/client/runtime/client`, so one `instanceof` serves them all.
 */
export function isPrismaError(error: unknown, code: PrismaErrorCode): error is PrismaClientKnownRequestError {
  return error instanceof PrismaClientKnownRequestError && error.code === code;
}
