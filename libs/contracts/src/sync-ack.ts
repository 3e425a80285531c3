import { z } from 'zod';
import { EventHeaders, parseJsonValue } from './kafka-message.js';
import { MAX_INT4 } from './product-event.js';
import { describeIssues, type ValidationResult } from './validation.js';

/** product-consumer → api-service: what the replica did with each product event. Keyed by product id. */
export const SYNC_ACKS_TOPIC = 'product.sync-acks';

/** Bumped only for breaking changes; api-service rejects versions it does not know. */
export const SYNC_ACK_SCHEMA_VERSION = 1;

/** Reasons quote the broken input: they are cut to this length and cleaned by `ackReason`. */
export const MAX_REASON_LENGTH = 1000;

/** A reason an ack can carry and api-service can store, whatever input it quotes. */
export function ackReason(reason: string): string {
  const clean = reason.replaceAll('\u0000', '\\u0000');
  return clean.length > MAX_REASON_LENGTH ? `${clean.slice(0, MAX_REASON_LENGTH - 1)}…` : clean;
}

export const SYNC_ACK_STATUSES = ['applied', 'stale', 'rejected'] as const;
export type SyncAckStatus = (typeof SYNC_ACK_STATUSES)[number];

/**
 * `applied`: the replica now holds `version`. `stale`: it already held `version` or newer (a
 * redelivery or reordering), so it holds at least `version` too. `rejected`: the event could not be
 * applied, `reason` says why; `version` is null when the record was too broken to tell.
 * `reset` (only present on a repair's ack, `product.resynced` applied): the replica was set to
 * `version`, possibly below versions acknowledged before (a forged or runaway one it held).
 */
export const syncAckSchema = z
  .strictObject({
    schemaVersion: z.literal(SYNC_ACK_SCHEMA_VERSION),
    productId: z.uuid(),
    version: z.number().int().min(1).max(MAX_INT4).nullable(),
    status: z.enum(SYNC_ACK_STATUSES),
    reason: z
      .string()
      .max(MAX_REASON_LENGTH)
      .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')
      .nullable(),
    eventId: z.uuid().nullable(),
    acknowledgedAt: z.iso.datetime({ offset: true }),
    reset: z.literal(true).optional(),
  })
  .superRefine((ack, ctx) => {
    if (ack.status !== 'rejected' && ack.version === null) {
      ctx.addIssue({ code: 'custom', path: ['version'], message: `is required when status is ${ack.status}` });
    }
    if (ack.reset && ack.status !== 'applied') {
      ctx.addIssue({ code: 'custom', path: ['reset'], message: 'is only for an applied repair' });
    }
    if (ack.status === 'rejected' && !ack.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required when status is rejected' });
    }
  });

export type SyncAck = z.infer<typeof syncAckSchema>;

export function decodeSyncAck(value: Buffer | string | null | undefined): ValidationResult<SyncAck> {
  const json = parseJsonValue(value);
  if (!json.ok) return json;
  const parsed = syncAckSchema.safeParse(json.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: describeIssues(parsed.error) };
}

/** The record an ack is sent as: keyed by product id, so a product's acks stay in order. */
export function toSyncAckMessage(
  ack: SyncAck,
  /** More headers, e.g. the W3C `traceparent` of the event this acknowledges. */
  extra: Record<string, string> = {},
): { key: string; value: string; headers: Record<string, string> } {
  return {
    key: ack.productId,
    value: JSON.stringify(ack),
    headers: {
      ...extra,
      [EventHeaders.schemaVersion]: String(SYNC_ACK_SCHEMA_VERSION),
      [EventHeaders.contentType]: 'application/json',
    },
  };
}
