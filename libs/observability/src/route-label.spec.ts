import { describe, expect, it } from 'vitest';
import { routeLabel } from './route-label.js';

describe('routeLabel', () => {
  it("is the matched route's pattern, not the URL", () => {
    expect(routeLabel({ baseUrl: '', route: { path: '/products/:id' } })).toBe('/products/:id');
  });

  it("is Fastify's matched route when the request has one", () => {
    expect(routeLabel({ routeOptions: { url: '/products/:id' } })).toBe('/products/:id');
  });

  it('prefixes the router mount point', () => {
    expect(routeLabel({ baseUrl: '/catalog', route: { path: '/products' } })).toBe('/catalog/products');
  });

  it('gives every unmatched request the same value, so a scan of random URLs cannot grow the series', () => {
    expect(routeLabel({})).toBe('unmatched');
    expect(routeLabel({ routeOptions: {} })).toBe('unmatched');
    expect(routeLabel({ route: { path: /regex/ } })).toBe('unmatched');
  });
});
