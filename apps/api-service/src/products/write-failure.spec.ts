import { PrismaClientKnownRequestError } from '@prisma/client/runtime/client';
import { describe, expect, it } from 'vitest';
import { classifyWriteFailure } from './write-failure.js';

const prismaError = (code: string) => new PrismaClientKnownRequestError('failed', { code, clientVersion: '6.19.3' });
const adapterError = (originalCode: string) =>
  Object.assign(new Error('raw'), { meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode } } } });

describe('classifyWriteFailure', () => {
  it('deadlocks and serialization failures are contention, however Prisma reports them', () => {
    expect(classifyWriteFailure(prismaError('P2034'))).toBe('contention');
    expect(classifyWriteFailure(adapterError('40P01'))).toBe('contention');
    expect(classifyWriteFailure(Object.assign(new Error('x'), { cause: { originalCode: '40001' } }))).toBe(
      'contention',
    );
  });

  it('a database that is gone or refusing is unreachable', () => {
    expect(classifyWriteFailure(prismaError('P1001'))).toBe('unreachable');
    // "Unable to start a transaction in the given time": 500 writes at once, 10 pooled connections.
    expect(classifyWriteFailure(prismaError('P2028'))).toBe('unreachable');
    expect(classifyWriteFailure(adapterError('57P01'))).toBe('unreachable');
    expect(classifyWriteFailure(adapterError('08006'))).toBe('unreachable');
    expect(classifyWriteFailure(adapterError('57014'))).toBe('unreachable'); // statement_timeout
    expect(classifyWriteFailure(new Error('Query read timeout'))).toBe('unreachable'); // pg's query_timeout
    expect(classifyWriteFailure(new Error('Connection terminated unexpectedly'))).toBe('unreachable');
    // What PgTransaction throws when its socket closes mid-transaction: a kind, no SQLSTATE.
    expect(
      classifyWriteFailure(Object.assign(new Error('ConnectionClosed'), { cause: { kind: 'ConnectionClosed' } })),
    ).toBe('unreachable');
    expect(
      classifyWriteFailure(
        Object.assign(new Error('wrapped'), { cause: new Error('connect ECONNREFUSED 127.0.0.1:5432') }),
      ),
    ).toBe('unreachable');
  });

  it('anything else stays unclassified', () => {
    expect(classifyWriteFailure(prismaError('P2002'))).toBeNull();
    expect(classifyWriteFailure(adapterError('22021'))).toBeNull();
    expect(classifyWriteFailure(new TypeError('x is undefined'))).toBeNull();
    expect(classifyWriteFailure(undefined)).toBeNull();
  });
});
