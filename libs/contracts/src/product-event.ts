import { z } from 'zod';

/** Topic that carries every committed product change, keyed by product id. */
export const PRODUCT_EVENTS_TOPIC = 'product.events';

/** Bumped only for breaking changes; consumers reject versions they do not know. */
export const PRODUCT_EVENT_SCHEMA_VERSION = 1;

/**
 * `product.resynced` is reconciliation's repair, never a user's change: it sets the replica to the
 * source's state (or removes it, `resync.deleted`) even below a replica version the source never wrote,
 * but only where the replica still holds the version the repair saw (`resync.replacesVersion`).
 */
export const PRODUCT_EVENT_TYPES = [
  'product.created',
  'product.updated',
  'product.deleted',
  'product.resynced',
] as const;
export type ProductEventType = (typeof PRODUCT_EVENT_TYPES)[number];

/** Money travels as a string so no side ever rounds it through a float. */
export const DECIMAL_2_PATTERN = /^\d{1,10}\.\d{2}$/;

/** Largest value of the INTEGER columns stock and version. */
export const MAX_INT4 = 2_147_483_647;

/** Text PostgreSQL can store: no NUL character (it would reject the row, not the schema). */
const text = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');

const version = z.number().int().min(1).max(MAX_INT4);

/**
 * A repair's compare-and-set: `replacesVersion` is the newest version (row or tombstone) the replica held
 * when reconciliation looked, null if it held nothing; `deleted` when the source has no such product.
 */
export const resyncSchema = z.strictObject({
  replacesVersion: version.nullable(),
  deleted: z.boolean(),
});

export const productStateSchema = z.strictObject({
  id: z.uuid(),
  sku: text(1, 64),
  name: text(1, 200),
  description: text(0, 2000).nullable(),
  price: z
    .string()
    .regex(DECIMAL_2_PATTERN, 'must be a non-negative decimal string with exactly 2 places, e.g. "19.90"'),
  stock: z.number().int().min(0).max(MAX_INT4),
  version,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});

/**
 * The envelope on `product.events`. `product` is the full state after the change; for a
 * delete it is the last state, carrying the delete's version, so replicas can remember it.
 */
export const productEventSchema = z
  .strictObject({
    schemaVersion: z.literal(PRODUCT_EVENT_SCHEMA_VERSION),
    eventId: z.uuid(),
    type: z.enum(PRODUCT_EVENT_TYPES),
    productId: z.uuid(),
    version,
    occurredAt: z.iso.datetime({ offset: true }),
    product: productStateSchema,
    resync: resyncSchema.optional(),
  })
  .superRefine((event, ctx) => {
    if ((event.type === 'product.resynced') !== (event.resync !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['resync'], message: 'is required for product.resynced, and only there' });
    }
    if (event.product.id !== event.productId) {
      ctx.addIssue({ code: 'custom', path: ['product', 'id'], message: 'must equal productId' });
    }
    if (event.product.version !== event.version) {
      ctx.addIssue({ code: 'custom', path: ['product', 'version'], message: 'must equal version' });
    }
    if (event.type === 'product.created' && event.version !== 1) {
      ctx.addIssue({ code: 'custom', path: ['version'], message: 'must be 1 for product.created' });
    }
  });

export type ProductState = z.infer<typeof productStateSchema>;
export type ProductEvent = z.infer<typeof productEventSchema>;
export type Resync = z.infer<typeof resyncSchema>;

/** Whether applying the event leaves the product deleted: a delete, or a repair of a product the source lacks. */
export function isDeletion(event: Pick<ProductEvent, 'type' | 'resync'>): boolean {
  return event.type === 'product.deleted' || event.resync?.deleted === true;
}
