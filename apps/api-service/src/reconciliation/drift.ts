/** One product's fingerprint on one side: a hash of every replicated field and the version. */
export interface ProductFingerprint {
  id: string;
  version: number;
  hash: string;
}

export const DRIFT_KINDS = ['missing', 'extra', 'differing', 'ahead'] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export interface Drift {
  kind: DriftKind;
  id: string;
  sourceVersion: number | null;
  replicaVersion: number | null;
}

/**
 * Merges two streams of fingerprints, both sorted by id, into the drift between them: `missing`
 * (in the source only), `extra` (in the replica only), `differing` (both, different hash), and `ahead`
 * (both, the replica at a version the source never reached: a forged or runaway event, which the
 * version guard alone would let block every real update of the product).
 * Constant memory, however many products there are.
 */
export async function* findDrift(
  source: AsyncIterable<ProductFingerprint>,
  replica: AsyncIterable<ProductFingerprint>,
): AsyncGenerator<Drift> {
  const sourceRows = source[Symbol.asyncIterator]();
  const replicaRows = replica[Symbol.asyncIterator]();
  let s = await sourceRows.next();
  let r = await replicaRows.next();
  while (!s.done || !r.done) {
    if (r.done || (!s.done && s.value.id < r.value.id)) {
      yield { kind: 'missing', id: s.value.id, sourceVersion: s.value.version, replicaVersion: null };
      s = await sourceRows.next();
    } else if (s.done || r.value.id < s.value.id) {
      yield { kind: 'extra', id: r.value.id, sourceVersion: null, replicaVersion: r.value.version };
      r = await replicaRows.next();
    } else {
      if (s.value.hash !== r.value.hash) {
        const kind = r.value.version > s.value.version ? 'ahead' : 'differing';
        yield { kind, id: s.value.id, sourceVersion: s.value.version, replicaVersion: r.value.version };
      }
      s = await sourceRows.next();
      r = await replicaRows.next();
    }
  }
}
