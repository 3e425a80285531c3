import { PrismaClientKnownRequestError } from '@prisma/client/runtime/client';
import { describe, expect, it } from 'vitest';
import { isPrismaError, PRISMA } from './prisma-errors.js';

const prismaError = (code: string) => new PrismaClientKnownRequestError('failed', { code, clientVersion: '6.19.3' });

describe('isPrismaError', () => {
  it('matches a known request error by its code only', () => {
    expect(isPrismaError(prismaError('P2002'), PRISMA.UniqueViolation)).toBe(true);
    expect(isPrismaError(prismaError('P2002'), PRISMA.RecordNotFound)).toBe(false);
  });

  it('matches a raw query failure by the driver adapter kind behind it (what $executeRaw throws)', () => {
    // As @prisma/adapter-pg 6.19 reports a duplicate sku from a raw INSERT.
    const raw = (kind: string) =>
      new PrismaClientKnownRequestError('failed', {
        code: 'P2010',
        clientVersion: '6.19.3',
        meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode: '23505', kind } } },
      });
    expect(isPrismaError(raw('UniqueConstraintViolation'), PRISMA.UniqueViolation)).toBe(true);
    expect(isPrismaError(raw('LengthMismatch'), PRISMA.ValueTooLong)).toBe(true);
    expect(isPrismaError(raw('LengthMismatch'), PRISMA.UniqueViolation)).toBe(false);
    expect(isPrismaError(raw('UniqueConstraintViolation'), PRISMA.RecordNotFound)).toBe(false);
  });

  it('does not match other errors that happen to carry the code', () => {
    expect(isPrismaError(Object.assign(new Error('failed'), { code: 'P2025' }), PRISMA.RecordNotFound)).toBe(false);
    expect(isPrismaError(undefined, PRISMA.ValueTooLong)).toBe(false);
  });
});
