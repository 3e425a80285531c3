import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from './scopes.js';

/**
 * The port AccessGuard asks "who is this?". ApiKeyAuthenticator answers from API keys; a JWT/OIDC
 * authenticator (verify the token, map its scopes claim) can be bound to AUTHENTICATOR instead and
 * nothing else changes.
 * @returns the caller, or undefined when the request carries no credentials at all
 * @throws Unauthenticated when it carries credentials that prove nothing
 */
export interface Authenticator {
  authenticate(request: { headers: IncomingHttpHeaders }): Promise<Principal | undefined>;
}

export const AUTHENTICATOR = Symbol('AUTHENTICATOR');
