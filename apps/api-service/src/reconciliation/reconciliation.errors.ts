import { DomainError } from '@nestjs-kafka-sync/http-kit';

/** Reconciliations run one at a time (across api-service instances and `npm run reconcile`): each scans both databases. */
export class ReconciliationInProgress extends DomainError {
  readonly kind = 'conflict';

  constructor() {
    super('a reconciliation is already running; try again once it has finished', {
      headers: { 'Retry-After': '5' },
    });
  }
}
