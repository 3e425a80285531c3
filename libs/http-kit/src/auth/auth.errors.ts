import { DomainError } from '../domain-error.js';

const REALM = 'Bearer realm="nestjs-kafka-sync"';

/** No credentials, or credentials that prove nothing (401, with the challenge RFC 6750 asks for). */
export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated';

  constructor(message: string, { invalidToken = false } = {}) {
    super(message, { headers: { 'WWW-Authenticate': invalidToken ? `${REALM}, error="invalid_token"` : REALM } });
  }
}

/** A proven caller without the scope the route needs (403). */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden';

  constructor(requiredScope: string) {
    super(`this API key lacks the scope "${requiredScope}"`, { facts: { requiredScope } });
  }
}

/** Too many requests in the window (429); Retry-After says when to come back. */
export class Throttled extends DomainError {
  readonly kind = 'throttled';

  constructor(retryAfterSeconds: number) {
    super(`too many requests: retry after ${retryAfterSeconds} s`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}
