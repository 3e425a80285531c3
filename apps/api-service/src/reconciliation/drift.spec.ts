import { describe, expect, it } from 'vitest';
import { findDrift, type ProductFingerprint } from './drift.js';

async function* rows(...entries: [string, number, string][]): AsyncGenerator<ProductFingerprint> {
  for (const [id, version, hash] of entries) yield { id, version, hash };
}

async function drift(source: AsyncIterable<ProductFingerprint>, replica: AsyncIterable<ProductFingerprint>) {
  const found = [];
  for await (const d of findDrift(source, replica)) found.push(d);
  return found;
}

describe('findDrift', () => {
  it('finds nothing when both sides hold the same products', async () => {
    expect(await drift(rows(['a', 1, 'x'], ['b', 2, 'y']), rows(['a', 1, 'x'], ['b', 2, 'y']))).toEqual([]);
  });

  it('classifies missing, extra and differing products, in id order', async () => {
    const source = rows(['a', 1, 'x'], ['b', 3, 'y'], ['d', 1, 'z'], ['f', 2, 'w']);
    const replica = rows(['b', 2, 'old'], ['c', 5, 'q'], ['d', 1, 'z'], ['g', 1, 'v']);
    expect(await drift(source, replica)).toEqual([
      { kind: 'missing', id: 'a', sourceVersion: 1, replicaVersion: null },
      { kind: 'differing', id: 'b', sourceVersion: 3, replicaVersion: 2 },
      { kind: 'extra', id: 'c', sourceVersion: null, replicaVersion: 5 },
      { kind: 'missing', id: 'f', sourceVersion: 2, replicaVersion: null },
      { kind: 'extra', id: 'g', sourceVersion: null, replicaVersion: 1 },
    ]);
  });

  it('tells a replica ahead of the source (a forged or runaway version) from one behind or equal', async () => {
    const source = rows(['a', 3, 'x'], ['b', 3, 'y'], ['c', 3, 'z']);
    const replica = rows(['a', 2147483647, 'forged'], ['b', 3, 'corrupt'], ['c', 4, 'w']);
    expect(await drift(source, replica)).toEqual([
      { kind: 'ahead', id: 'a', sourceVersion: 3, replicaVersion: 2147483647 },
      { kind: 'differing', id: 'b', sourceVersion: 3, replicaVersion: 3 },
      { kind: 'ahead', id: 'c', sourceVersion: 3, replicaVersion: 4 },
    ]);
  });

  it('handles an empty side', async () => {
    expect((await drift(rows(['a', 1, 'x']), rows())).map((d) => d.kind)).toEqual(['missing']);
    expect((await drift(rows(), rows(['a', 1, 'x']))).map((d) => d.kind)).toEqual(['extra']);
    expect(await drift(rows(), rows())).toEqual([]);
  });
});
