import { describe, expect, it } from 'vitest';
import { retriedStep } from './retried-step.js';
import { reportableStalls, type Stall } from './stall-verdict.js';

const at = (s: number) => new Date(Date.UTC(2026, 10, 30, 18, 0, s));
const stall = (records: string, retriable: boolean, since: Date): Stall => ({
  records,
  step: 'dead-lettering',
  reason: 'r',
  retriable,
  since,
  failures: 1,
});

describe('reportableStalls', () => {
  it('reports a permanent failure at once and a transient one only once it has lasted', () => {
    const permanent = stall('product.events/0@5', false, at(59));
    const blip = stall('product.events/1@7', true, at(50));
    const outage = stall('product.events/2@9', true, at(0));
    const now = at(60).getTime();
    expect(reportableStalls([blip, permanent, outage], now, 30_000)).toEqual([outage, permanent]);
  });

  it('reports nothing when nothing fails', () => {
    expect(reportableStalls([], Date.now(), 0)).toEqual([]);
  });
});

describe('retriedStep', () => {
  it('reads the step and the partition of the records in hand from what TransientRetry is given', () => {
    expect(retriedStep('dead-lettering product.events/2@41..45')).toEqual({
      step: 'dead-lettering',
      records: 'product.events/2@41..45',
      partition: { topic: 'product.events', partition: 2, firstOffset: '41' },
    });
    expect(retriedStep('acknowledging product.events/0@7').partition).toEqual({
      topic: 'product.events',
      partition: 0,
      firstOffset: '7',
    });
  });

  it('names no partition for a step about something else', () => {
    expect(retriedStep('rebuilding the catalog')).toEqual({ step: 'rebuilding', records: 'rebuilding the catalog' });
  });
});
