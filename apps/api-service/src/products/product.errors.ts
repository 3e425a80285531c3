import { DomainError } from '@nestjs-kafka-sync/http-kit';

/** What a product write or read can refuse; http-kit's filter chooses the HTTP answer. */
export class ProductNotFound extends DomainError {
  readonly kind = 'not-found';

  constructor(id: string) {
    super(`product ${id} does not exist`);
  }
}

export class SkuTaken extends DomainError {
  readonly kind = 'conflict';

  constructor() {
    super('sku: a product with this sku already exists', { fields: [{ field: 'sku', reason: 'already exists' }] });
  }
}

/** The write named a version (If-Match) the product has moved past; the caller re-reads from currentVersion. */
export class VersionConflict extends DomainError {
  readonly kind = 'stale';

  constructor(currentVersion: number, expectedVersion: number | undefined) {
    super(`If-Match: product is at version ${currentVersion}, not ${expectedVersion}`, { facts: { currentVersion } });
  }
}

/** Deadlocks or serialization failures outlasted the retries: nothing was written, the client may try again. */
export class WriteContention extends DomainError {
  readonly kind = 'conflict';

  constructor(attempts: number) {
    super(
      `the write collided with concurrent writes to the same products ${attempts} times (deadlock or serialization failure) and was not applied; try again`,
      { facts: { written: false } },
    );
  }
}

/**
 * PostgreSQL could not be reached. `written` says whether the change may have committed: false when
 * the failure came before the commit, 'unknown' when the connection was lost during the commit itself.
 */
export class DatabaseUnavailable extends DomainError {
  readonly kind = 'unavailable';

  constructor(written: false | 'unknown') {
    super(
      written === false
        ? 'the database is unreachable; nothing was written, the request can be retried'
        : 'the database connection was lost while committing; the write may or may not have been applied: read the product before retrying',
      { facts: { written }, headers: { 'Retry-After': '2' } },
    );
  }
}

/**
 * The change's event would be larger than product.events takes (PRODUCT_EVENT_MAX_BYTES): refused before
 * anything is written. `field` is the product field that weighs most.
 */
export class EventTooLarge extends DomainError {
  readonly kind = 'too-large';

  constructor(field: string, bytes: number, maxBytes: number) {
    const reason = `makes the product's event ${bytes} bytes once serialized, over the ${maxBytes} bytes an event may have`;
    super(`${field}: ${reason}; nothing was written`, {
      fields: [{ field, reason }],
      facts: { eventBytes: bytes, maxEventBytes: maxBytes, written: false },
    });
  }
}
