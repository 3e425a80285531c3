import { describe, expect, it } from 'vitest';
import { accessFor } from './access-policy.js';

describe('accessFor', () => {
  it.each([
    ['GET', '/health', 'open'],
    ['GET', '/products', 'open'],
    ['HEAD', '/products/:id', 'open'],
    ['GET', '/catalog/products/:id', 'open'],
    ['POST', '/products', 'products:write'],
    ['PATCH', '/products/:id', 'products:write'],
    ['PUT', '/products/:id', 'products:write'],
    ['DELETE', '/products/:id', 'products:write'],
    ['GET', '/sync/status', 'admin'],
    ['GET', '/reconciliation', 'admin'],
    ['POST', '/reconciliation/repair', 'admin'],
    ['POST', '/catalog/products', 'admin'], // no such route today: whatever appears there is closed
    ['GET', '/productsx', 'admin'],
    ['GET', '/anything-new', 'admin'],
  ])('%s %s needs %s', (method, route, access) => {
    expect(accessFor(method, route, false)).toBe(access);
  });

  it('makes reads need a key (any valid one) when READS_NEED_KEY is on, and leaves health open', () => {
    expect(accessFor('GET', '/products/:id', true)).toBe('any-key');
    expect(accessFor('GET', '/catalog/products', true)).toBe('any-key');
    expect(accessFor('GET', '/health', true)).toBe('open');
    expect(accessFor('POST', '/products', true)).toBe('products:write');
  });
});
