import { DomainError } from '@nestjs-kafka-sync/http-kit';

/** Refused before the write: so many clients already wait for their sync that one more would starve the pool. */
export class TooManySyncWaiters extends DomainError {
  readonly kind = 'unavailable';

  constructor(max: number) {
    super(
      `Prefer: wait-for-sync: ${max} requests are already waiting for the replica; nothing was written, retry later or without the preference`,
      { facts: { written: false }, headers: { 'Retry-After': '1' } },
    );
  }
}
