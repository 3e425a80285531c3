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
