import { ApiProperty } from '@nestjs/swagger';

export const SYNC_STATUSES = ['in-sync', 'pending', 'failed'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/** Whether the replica has caught up with a product's current version. */
export class ProductSync {
  @ApiProperty({
    enum: SYNC_STATUSES,
    description: 'in-sync: the replica holds this version; failed: it rejected it; pending: no answer yet.',
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

/** Derives a product's sync status from the acks recorded for it. */
export function syncOf(version: number, state: StoredSyncState | null | undefined): ProductSync {
  const replicatedVersion = state && state.replicatedVersion > 0 ? state.replicatedVersion : null;
  if (replicatedVersion !== null && replicatedVersion >= version)
    return { status: 'in-sync', replicatedVersion, reason: null };
  if (state?.rejectedVersion != null && state.rejectedVersion >= version) {
    return { status: 'failed', replicatedVersion, reason: state.rejectionReason };
  }
  return { status: 'pending', replicatedVersion, reason: null };
}
