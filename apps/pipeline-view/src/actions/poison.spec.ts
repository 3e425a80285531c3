import { decodeProductEventMessage } from '@nestjs-kafka-sync/contracts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { poisonRecord, POISON_KINDS } from './poison.js';

const EXPECTED_CLASS = {
  'not-json': 'unparseable',
  'unknown-type': 'unknown-event-type',
  'contract-violation': 'contract-violation',
} as const;

describe('poisonRecord', () => {
  it.each(POISON_KINDS)('%s is refused by the contract the consumer decodes with, for the reason it names', (kind) => {
    const id = randomUUID();
    const record = poisonRecord(kind, id);
    const decoded = decodeProductEventMessage(record.value);
    expect(decoded).toMatchObject({ ok: false, errorClass: EXPECTED_CLASS[kind] });
    expect(record.key).toBe(id); // keyed: product.events is compacted
  });
});
