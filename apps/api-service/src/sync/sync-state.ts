import { ApiProperty } from '@nestjs/swagger';

export const SYNC_STATUSES = ['in-sync', 'pending', 'failed'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/** Whether the replica has caught up with a product's current version. */
export class ProductSync {
  @ApiProperty({
    enum: SYNC_STATUSES,
    description:
      'in-sync: the replica holds this version; failed: it rejected it, or holds a version this product never had ' +
      '(a forged or runaway event, until POST /reconciliation/repair resets it); pending: no answer yet.',
  })
  status!: SyncStatus;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Highest version the replica acknowledged holding.' })
  replicatedVersion!: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the replica rejected the version, when failed.' })
  reason!: string | null;
}

export interface StoredSyncState {
  replicatedVersion: number;
  rejectedVersion: number | null;
  rejectionReason: string | null;
}

/** Why a product whose replica acknowledged a version above the source's current one is not in sync. */
export function aheadReason(replicatedVersion: number, sourceVersion: number): string {
  return (
    `the replica holds version ${replicatedVersion}, above this product's ${sourceVersion}: an event api-service ` +
    'never wrote (forged or runaway); it takes no update of this product until POST /reconciliation/repair resets it'
  );
}

/**
 * Derives a product's sync status from the acks recorded for it. `sourceVersion` is the product's
 * current version (by default `version`): an ack above it names a version api-service never wrote,
 * so the replica is ahead, and every real update to come would be stale there.
 */
export function syncOf(
  version: number,
  state: StoredSyncState | null | undefined,
  sourceVersion = version,
): ProductSync {
  const replicatedVersion = state && state.replicatedVersion > 0 ? state.replicatedVersion : null;
  if (replicatedVersion !== null && replicatedVersion > sourceVersion)
    return { status: 'failed', replicatedVersion, reason: aheadReason(replicatedVersion, sourceVersion) };
  if (replicatedVersion !== null && replicatedVersion >= version)
    return { status: 'in-sync', replicatedVersion, reason: null };
  if (state?.rejectedVersion != null && state.rejectedVersion >= version) {
    return { status: 'failed', replicatedVersion, reason: state.rejectionReason };
  }
  return { status: 'pending', replicatedVersion, reason: null };
}
