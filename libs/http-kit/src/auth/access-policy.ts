import type { Scope } from './scopes.js';

/** What a route asks of its caller: nothing, any valid key, or a key holding a scope. */
export type Access = 'open' | 'any-key' | Scope;

const READS = /^\/(products|catalog\/products)(\/|$)/;
const WRITES = /^\/products(\/|$)/;

/**
 * The one table of who may call what, by method and matched route (Express's pattern, e.g.
 * `/products/:id`, never the raw URL). Anything it does not name is `admin`: a route added later
 * is closed until someone decides otherwise.
 */
export function accessFor(method: string, route: string, readsNeedKey: boolean): Access {
  if (route === '/health' || route.startsWith('/health/')) return 'open';
  const reading = method === 'GET' || method === 'HEAD';
  if (reading && READS.test(route)) return readsNeedKey ? 'any-key' : 'open';
  if (!reading && WRITES.test(route)) return 'products:write';
  return 'admin';
}
