import { Inject, Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { Unauthenticated } from './auth.errors.js';
import type { Authenticator } from './authenticator.js';
import { bearerToken } from './bearer-token.js';
import { HTTP_SECURITY, type HttpSecuritySettings } from './http-security.settings.js';
import { findByKey } from './key-hash.js';
import type { Principal } from './scopes.js';

/** `Authorization: Bearer <key>`, checked against the configured keys' hashes. */
@Injectable()
export class ApiKeyAuthenticator implements Authenticator {
  constructor(@Inject(HTTP_SECURITY) private readonly settings: HttpSecuritySettings) {}

  async authenticate(request: { headers: IncomingHttpHeaders }): Promise<Principal | undefined> {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) return undefined;
    if (token === 'malformed') throw new Unauthenticated('send the API key as "Authorization: Bearer <key>"');
    const key = findByKey(this.settings.apiKeys, token);
    if (!key) throw new Unauthenticated('the API key is not valid', { invalidToken: true });
    return { name: key.name, scopes: key.scopes };
  }
}
