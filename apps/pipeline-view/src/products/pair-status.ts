/**
 * Where one product stands, comparing the two databases:
 * - in-sync: the replica holds the source's version
 * - behind: the replica holds an older version (the change is on its way, or stuck)
 * - missing: the source has it, the replica not yet
 * - rejected: the replica refused the source's current version (its ack said why)
 * - deleted: the source deleted it, the replica still has it (the delete is on its way)
 * - ahead: the replica holds a newer version than the source (only if the source was reset)
 */
export type PairStatus = 'in-sync' | 'behind' | 'missing' | 'rejected' | 'deleted' | 'ahead';

export interface VersionOnly {
  version: number;
}

/** The status of one product; `rejectedVersion` is the highest version the replica refused (acks), if any. */
export function pairStatus(
  source: VersionOnly | null,
  replica: VersionOnly | null,
  rejectedVersion: number | null = null,
): PairStatus {
  if (!source) return replica ? 'deleted' : 'in-sync';
  if (replica?.version === source.version) return 'in-sync';
  if (replica && replica.version > source.version) return 'ahead';
  if (rejectedVersion !== null && rejectedVersion >= source.version) return 'rejected';
  return replica ? 'behind' : 'missing';
}

export interface SourceVersion extends VersionOnly {
  id: string;
  rejectedVersion: number | null;
}

export interface Comparison {
  counts: { source: number; replica: number } & Record<PairStatus, number>;
  /** Every product not in sync: the source's in the order given, then those only the replica has. */
  differing: { id: string; status: PairStatus }[];
}

/** Compares every product's version on both sides (ids and versions only: cheap at 10,000 products). */
export function compareVersions(source: SourceVersion[], replica: (VersionOnly & { id: string })[]): Comparison {
  const counts = { source: source.length, replica: replica.length, ...zeroCounts() };
  const replicaById = new Map(replica.map((row) => [row.id, row]));
  const differing: Comparison['differing'] = [];
  for (const row of source) {
    const status = pairStatus(row, replicaById.get(row.id) ?? null, row.rejectedVersion);
    replicaById.delete(row.id);
    counts[status] += 1;
    if (status !== 'in-sync') differing.push({ id: row.id, status });
  }
  for (const id of replicaById.keys()) {
    counts.deleted += 1;
    differing.push({ id, status: 'deleted' });
  }
  return { counts, differing };
}

function zeroCounts(): Record<PairStatus, number> {
  return { 'in-sync': 0, behind: 0, missing: 0, rejected: 0, deleted: 0, ahead: 0 };
}
