import { describe, expect, it } from 'vitest';
import { checkRelayOrder, type PublishedEvent, type RelayFailure } from './relay-order.js';

/** Records of one product 'p' from "version@timestamp" pairs; the event id is the version's. */
const topic = (...records: string[]): PublishedEvent[] =>
  records.map((record, offset) => {
    const [version, timestamp] = record.split('@').map(Number);
    return { productId: 'p', version, eventId: `e${version}`, timestamp, at: `0@${offset}` };
  });
const killAt = (t: number): RelayFailure => ({ from: t, to: t + 5, what: `SIGKILL at ${t}` });

describe('checkRelayOrder', () => {
  it('accepts each version once, in order', () => {
    expect(checkRelayOrder(topic('1@0', '2@1', '3@2'), [])).toEqual({ violations: [], resent: 0, restarts: 0 });
  });

  it('accepts a failed attempt sent again from its first row after a relay failure', () => {
    // v1 marked; the attempt with v2-v3 was acked but its relay killed before marking; the next one sends v2-v4.
    const order = checkRelayOrder(topic('1@0', '2@10', '3@10', '2@50', '3@50', '4@50'), [killAt(20)]);
    expect(order).toEqual({ violations: [], resent: 2, restarts: 1 });
  });

  it('accepts a restart in the middle of a run whose start was marked, and two failures in a row', () => {
    const order = checkRelayOrder(topic('1@0', '2@0', '3@30', '3@60', '4@60', '3@90', '4@90'), [
      killAt(40),
      killAt(70),
    ]);
    expect(order).toEqual({ violations: [], resent: 3, restarts: 2 });
  });

  it('refuses a re-send with no relay failure between the copies: two relays publishing at once', () => {
    const order = checkRelayOrder(topic('1@0', '2@10', '2@11', '3@12'), [killAt(100)]);
    expect(order.violations).toEqual(['p v2 re-sent (0@1 at 10, again 0@2 at 11) with no relay failure in between']);
  });

  it('refuses a version that skips one, one that comes back late, and a product that starts past v1', () => {
    expect(checkRelayOrder(topic('1@0', '3@1'), []).violations).toEqual([
      'p v3 (0@1) follows v1: a version is missing',
    ]);
    expect(checkRelayOrder(topic('1@0', '3@1', '2@2'), [killAt(1)]).violations).toContain(
      'p v2 (0@2) arrives after v3',
    );
    expect(checkRelayOrder(topic('2@0'), []).violations).toEqual(['p starts at v2 (0@0), not at v1']);
  });

  it('refuses a restart below the previous restart: the first unpublished row only moves forward', () => {
    const order = checkRelayOrder(topic('1@0', '2@0', '3@0', '2@20', '3@20', '1@40'), [killAt(10), killAt(30)]);
    expect(order.violations).toEqual(['p v1 (0@5) restarts below v2, where the last re-send started']);
  });

  it('refuses two different events under one version', () => {
    const records = topic('1@0', '2@0', '2@20');
    records[2].eventId = 'other';
    expect(checkRelayOrder(records, [killAt(10)]).violations).toEqual(['p v2: two different events, e2 and other']);
  });
});
