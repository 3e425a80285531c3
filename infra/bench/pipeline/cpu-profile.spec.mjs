// @ts-check
import { describe, expect, it } from 'vitest';
import { cpuShares, ownerOf } from './cpu-profile.mjs';

/** @param {string} url @param {string} [functionName] */
const frame = (url, functionName = 'f') => ({ url, functionName });

describe('ownerOf', () => {
  it('names the npm package, scoped or not, the innermost when nested', () => {
    expect(ownerOf(frame('file:///r/node_modules/@prisma/client/runtime/client.js'))).toBe('@prisma/client');
    expect(ownerOf(frame('file:///r/node_modules/express/node_modules/qs/lib/parse.js'))).toBe('qs');
  });

  it("names the project's own apps and libs, Node's core modules and V8's bookkeeping", () => {
    expect(ownerOf(frame('file:///r/apps/api-service/dist/products/products.service.js'))).toBe(
      'api-service (its own code)',
    );
    expect(ownerOf(frame('file:///r/libs/http-kit/dist/index.js'))).toBe('@nestjs-kafka-sync/http-kit');
    expect(ownerOf(frame('node:internal/streams/writable'))).toBe('node (core modules)');
    expect(ownerOf(frame('', '(garbage collector)'))).toBe('(garbage collector)');
  });
});

describe('cpuShares', () => {
  it('shares busy time (idle left out) by owner, largest first', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('file:///r/node_modules/pg/lib/client.js') },
        { id: 2, callFrame: frame('', '(idle)') },
        { id: 3, callFrame: frame('file:///r/node_modules/@prisma/client/x.js') },
      ],
      samples: [1, 2, 3, 3, 2],
      timeDeltas: [100, 5000, 200, 100, 5000],
    };
    expect(cpuShares(profile)).toEqual([
      { owner: '@prisma/client', share: 75 },
      { owner: 'pg', share: 25 },
    ]);
  });
});
