/**
 * What a caller may do beyond reading. `products:write`: POST/PUT/PATCH/DELETE on products;
 * `admin`: everything operational over HTTP (reconciliation and repair, sync status).
 */
export const SCOPES = ['products:write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is calling, as an authenticator proved it: an API key's name today, a token's subject tomorrow. */
export interface Principal {
  name: string;
  scopes: readonly Scope[];
}
