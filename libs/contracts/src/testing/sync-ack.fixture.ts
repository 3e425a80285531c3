import { SYNC_ACK_SCHEMA_VERSION, type SyncAck } from '../sync-ack.js';

/**
 * An `applied` ack of `version` for tests, acknowledged at second `version % 10` of a fixed minute, so a higher
 * version (below 10) is also a later time; `extra` overrides any field.
 */
export function syncAck(productId: string, version: number | null, extra: Partial<SyncAck> = {}): SyncAck {
  return {
    schemaVersion: SYNC_ACK_SCHEMA_VERSION,
    productId,
    version,
    status: 'applied',
    reason: null,
    eventId: null,
    acknowledgedAt: `2026-11-30T10:00:0${(version ?? 0) % 10}.000Z`,
    ...extra,
  };
}
