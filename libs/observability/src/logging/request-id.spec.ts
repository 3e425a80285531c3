import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestId } from './request-id.js';

const withHeader = (value?: string) => ({ headers: { 'x-request-id': value } }) as unknown as IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestId', () => {
  it("keeps a caller's plain id, so one request can be found in every service's logs", () => {
    expect(requestId(withHeader('checkout-7f3a:2'))).toBe('checkout-7f3a:2');
  });

  it('makes a new one when there is none, or when the given one could forge or flood a log line', () => {
    for (const given of [undefined, '', 'a\nfake log line', '"}{"level":60', 'x'.repeat(129)])
      expect(requestId(withHeader(given))).toMatch(UUID);
  });
});
