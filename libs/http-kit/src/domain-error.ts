/** One broken rule of the request: which field, and why. */
export interface FieldError {
  field: string;
  reason: string;
}

/**
 * What went wrong, in the domain's words; the HTTP status it answers is chosen in one place,
 * `errorBody` (after Sairyss/domain-driven-hexagon's `user.errors.ts`, mapped outside the domain,
 * and debezium-examples' `EntityNotFoundMapper`).
 * - invalid: the request breaks a rule the caller can fix (400)
 * - not-found: what it names does not exist (404)
 * - conflict: it collides with the current state, e.g. a taken key (409)
 * - stale: it was made against a version that is no longer current (412)
 * - unauthenticated / forbidden: no proof of who calls (401) / not allowed to (403)
 * - throttled: too many requests for now (429)
 */
export type DomainErrorKind =
  'invalid' | 'not-found' | 'conflict' | 'stale' | 'unauthenticated' | 'forbidden' | 'throttled';

export interface DomainErrorDetails {
  /** The fields at fault, when there are any. */
  fields?: FieldError[];
  /** Facts the caller needs to recover (e.g. the current version); they join the error body. */
  facts?: Record<string, unknown>;
  /** Response headers the answer needs, e.g. WWW-Authenticate or Retry-After. */
  headers?: Record<string, string>;
}

/**
 * The base of every error a service throws on purpose. Shared by both apps so the one filter
 * recognises all of them by class; each app declares its own errors beside its domain.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  readonly fields: FieldError[];
  readonly facts: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(message: string, details: DomainErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.fields = details.fields ?? [];
    this.facts = details.facts ?? {};
    this.headers = details.headers ?? {};
  }
}
