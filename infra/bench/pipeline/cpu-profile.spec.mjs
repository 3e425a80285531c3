// @ts-check
import { describe, expect, it } from 'vitest';
import { cpuShares, ownerOf, stageTimes } from './cpu-profile.mjs';

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

describe('stageTimes', () => {
  // (root) → start-up; (root) → replay → pg's query → net's write; (root) → replay → zod; (root) → (idle), (gc)
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('', '(root)'), children: [2, 3, 7, 8] },
      { id: 2, callFrame: frame('node:internal/modules/esm/loader', 'load') },
      { id: 3, callFrame: frame('file:///r/apps/a/dist/replay.js', 'replay'), children: [4, 6] },
      { id: 4, callFrame: frame('file:///r/node_modules/pg/lib/client.js', 'query'), children: [5] },
      { id: 5, callFrame: frame('node:net', 'write') },
      { id: 6, callFrame: frame('file:///r/node_modules/zod/v4/core/parse.js', 'parse') },
      { id: 7, callFrame: frame('', '(idle)') },
      { id: 8, callFrame: frame('', '(garbage collector)') },
    ],
    samples: [2, 2, 4, 5, 7, 8, 6, 4, 2, 7],
    timeDeltas: [100, 100, 10, 20, 30, 40, 50, 60, 100, 100],
  };
  const stages = /** @type {[string, string[]][]} */ ([
    ['pg', ['/pg/']],
    ['socket', ['node:net']],
  ]);

  it("times only what lies between the marker's first and last sample, each sample by its innermost named frame", () => {
    expect(stageTimes(profile, 'replay.js', stages)).toEqual([
      { stage: 'other', micros: 50 }, // zod names no stage, nor does the replay's frame
      { stage: '(garbage collector)', micros: 40 },
      { stage: '(idle)', micros: 30 },
      { stage: 'socket', micros: 20 }, // a stage of its own, though pg's query called it
      { stage: 'pg', micros: 10 }, // the second pg sample closes the window: it is not counted
    ]);
  });

  it('finds nothing when no sample holds the marker', () => {
    expect(stageTimes(profile, 'absent.js', stages)).toEqual([]);
  });
});
