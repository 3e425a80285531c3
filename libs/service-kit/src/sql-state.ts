/** The SQLSTATEs the services act on when a statement went through node-postgres (SqlPool), named once. */
export const SQLSTATE = {
  /** 22001: a value is too long for its column (Prisma's P2000 / LengthMismatch). */
  StringTooLong: '22001',
  /** 23505: a unique constraint would be violated (Prisma's P2002 / UniqueConstraintViolation). */
  UniqueViolation: '23505',
} as const;

/** node-postgres' SQLSTATE of a failed statement (its DatabaseError's `code`); undefined for any other error. */
export function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
