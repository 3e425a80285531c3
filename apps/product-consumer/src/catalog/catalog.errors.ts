import { DomainError } from '@nestjs-kafka-sync/http-kit';

/** The replica has no row for this id: never replicated, deleted, or not yet applied. */
export class CatalogProductNotFound extends DomainError {
  readonly kind = 'not-found';

  constructor(id: string) {
    super(`product ${id} is not in the catalog`);
  }
}
