import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeProductEventMessage, toProductEventMessage } from './kafka-message.js';
import { decodeSyncAck, toSyncAckMessage } from './sync-ack.js';
import type { ProductEvent } from './product-event.js';
import { productEvent } from './testing/product-event.fixture.js';
import { validateProductEvent } from './validation.js';

function validEvent(overrides: Partial<ProductEvent> = {}): ProductEvent {
  return { ...productEvent({ version: 2, at: '2026-01-02T03:04:05.000Z' }), ...overrides };
}

function reasonFor(value: unknown): string {
  const result = validateProductEvent(value);
  if (result.ok) throw new Error('expected a validation failure');
  return result.reason;
}

describe('validateProductEvent', () => {
  it('accepts a well-formed event and returns it unchanged', () => {
    const event = validEvent();
    expect(validateProductEvent(JSON.parse(JSON.stringify(event)))).toEqual({ ok: true, value: event });
  });

  it('round-trips through the Kafka message it is sent as', () => {
    const event = validEvent();
    const message = toProductEventMessage(event);
    expect(message.key).toBe(event.productId);
    expect(message.headers).toMatchObject({
      'event-type': 'product.updated',
      'schema-version': '1',
      'event-id': event.eventId,
    });
    expect(decodeProductEventMessage(Buffer.from(message.value))).toEqual({ ok: true, value: event });
  });

  it('rejects a record value that is not JSON, or empty', () => {
    expect(decodeProductEventMessage(Buffer.from('{not json'))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^\(root\): value is not valid JSON \(.+\)$/),
      errorClass: 'unparseable',
    });
    expect(decodeProductEventMessage(null)).toEqual({
      ok: false,
      reason: '(root): value is empty',
      errorClass: 'unparseable',
    });
    expect(decodeProductEventMessage(Buffer.from('42'))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^\(root\): /),
      errorClass: 'contract-violation',
    });
  });

  it('tells a schema version or event type it does not know from a broken event', () => {
    const decode = (value: unknown) => decodeProductEventMessage(Buffer.from(JSON.stringify(value)));
    expect(decode({ ...validEvent(), schemaVersion: 2 })).toMatchObject({
      ok: false,
      errorClass: 'unsupported-schema-version',
      reason: expect.stringMatching(/^schemaVersion: /),
    });
    expect(decode({ ...validEvent(), type: 'product.archived' })).toMatchObject({
      ok: false,
      errorClass: 'unknown-event-type',
      reason: expect.stringMatching(/^type: /),
    });
    expect(decode({ ...validEvent(), product: { ...validEvent().product, price: '-1.00' } })).toMatchObject({
      ok: false,
      errorClass: 'contract-violation',
      reason: expect.stringMatching(/^product\.id: |product\.price: /),
    });
  });

  it('names each missing field', () => {
    const { eventId: _eventId, ...withoutId } = validEvent();
    expect(reasonFor(withoutId)).toMatch(/^eventId: /);
  });

  it('rejects an unknown event type', () => {
    expect(reasonFor({ ...validEvent(), type: 'product.renamed' })).toMatch(/^type: /);
  });

  it('rejects a schema version it does not know', () => {
    expect(reasonFor({ ...validEvent(), schemaVersion: 2 })).toMatch(/^schemaVersion: /);
  });

  it('rejects a negative or badly scaled price', () => {
    const event = validEvent();
    expect(reasonFor({ ...event, product: { ...event.product, price: '-1.00' } })).toMatch(
      /^product\.price: must be a non-negative decimal/,
    );
    expect(reasonFor({ ...event, product: { ...event.product, price: '1.5' } })).toMatch(/^product\.price: /);
  });

  it('rejects a negative or fractional stock', () => {
    const event = validEvent();
    expect(reasonFor({ ...event, product: { ...event.product, stock: -1 } })).toMatch(/^product\.stock: /);
    expect(reasonFor({ ...event, product: { ...event.product, stock: 1.5 } })).toMatch(/^product\.stock: /);
  });

  it('rejects what the database columns could not hold: a stock past INTEGER, a NUL in text', () => {
    const event = validEvent();
    expect(reasonFor({ ...event, product: { ...event.product, stock: 3_000_000_000 } })).toMatch(/^product\.stock: /);
    expect(reasonFor({ ...event, product: { ...event.product, name: 'a\u0000b' } })).toBe(
      'product.name: must not contain NUL characters',
    );
  });

  it('rejects an envelope whose product disagrees with it', () => {
    const event = validEvent();
    expect(reasonFor({ ...event, product: { ...event.product, id: randomUUID() } })).toBe(
      'product.id: must equal productId',
    );
    expect(reasonFor({ ...event, version: 3 })).toBe('product.version: must equal version');
  });

  it('rejects a create whose version is not 1', () => {
    expect(reasonFor(validEvent({ type: 'product.created' }))).toBe('version: must be 1 for product.created');
  });

  it('rejects unknown fields rather than silently dropping them', () => {
    expect(reasonFor({ ...validEvent(), extra: true })).toMatch(/^\(root\): Unrecognized key/);
  });

  it('bounds versions to what the INTEGER column holds, 2147483647 included', () => {
    const event = validEvent();
    const at = (version: number) => ({ ...event, version, product: { ...event.product, version } });
    expect(validateProductEvent(at(2_147_483_647)).ok).toBe(true);
    expect(reasonFor(at(2_147_483_648))).toMatch(/^version: .*; product\.version: /);
  });

  it('takes a repair (product.resynced) only with its compare-and-set, and the compare-and-set only there', () => {
    const repair = productEvent({ version: 3, resync: { replacesVersion: 2_147_483_647, deleted: false } });
    expect(validateProductEvent(JSON.parse(JSON.stringify(repair)))).toEqual({ ok: true, value: repair });
    expect(validateProductEvent({ ...repair, resync: { replacesVersion: null, deleted: true } }).ok).toBe(true);
    const { resync: _, ...bare } = repair;
    expect(reasonFor(bare)).toBe('resync: is required for product.resynced, and only there');
    expect(reasonFor({ ...validEvent(), resync: repair.resync })).toBe(
      'resync: is required for product.resynced, and only there',
    );
    expect(reasonFor({ ...repair, resync: { replacesVersion: 0, deleted: false } })).toMatch(
      /^resync\.replacesVersion: /,
    );
  });
});

describe('sync acknowledgements', () => {
  const ack = {
    schemaVersion: 1 as const,
    productId: randomUUID(),
    version: 3,
    status: 'applied' as const,
    reason: null,
    eventId: randomUUID(),
    acknowledgedAt: new Date().toISOString(),
  };

  it('round-trip through their Kafka record', () => {
    const message = toSyncAckMessage(ack);
    expect(message.key).toBe(ack.productId);
    expect(decodeSyncAck(Buffer.from(message.value))).toEqual({ ok: true, value: ack });
  });

  it('require a reason for a rejection and a version otherwise', () => {
    expect(decodeSyncAck(JSON.stringify({ ...ack, status: 'rejected', version: null }))).toEqual({
      ok: false,
      reason: 'reason: is required when status is rejected',
    });
    expect(decodeSyncAck(JSON.stringify({ ...ack, version: null }))).toEqual({
      ok: false,
      reason: 'version: is required when status is applied',
    });
    expect(
      decodeSyncAck(JSON.stringify({ ...ack, status: 'rejected', version: null, reason: 'bad price' })),
    ).toMatchObject({ ok: true });
  });
});
