import { Injectable } from '@nestjs/common';
import type { ProductEvent } from '@nestjs-kafka-sync/contracts';
import { dataRejectionReason } from '@nestjs-kafka-sync/service-kit';
import type { ApplyOutcome } from './apply-decision.js';
import { CatalogReplicaService } from './catalog-replica.service.js';

/** What applying an event did, or why the database refused it for good. */
export type EventOutcome = ApplyOutcome | { rejected: string };

/** Runs a step until it succeeds (TransientRetry with heartbeats in the consumer; once in the rebuild). */
export type UntilDone = <T>(what: string, step: () => Promise<T>) => Promise<T>;

/**
 * The one batched apply path, for the live consumer and the rebuild. A batch goes in one
 * transaction; if the database refuses it as invalid data (SQLSTATE class 22/23), nothing of it
 * was written, and its events are applied one by one instead, so only the event at fault is
 * rejected and the valid ones around it are applied. Each step is retried on its own, so a
 * transient failure in the middle of that fallback never re-applies (and mis-acks) an event.
 */
@Injectable()
export class CatalogBatchService {
  constructor(private readonly replica: CatalogReplicaService) {}

  async apply(events: ProductEvent[], untilDone: UntilDone, where: (i?: number) => string): Promise<EventOutcome[]> {
    const all = await untilDone(`applying ${where()}`, () => orRefusal(this.replica.applyAll(events)));
    if (!('rejected' in all)) return all.done;
    const outcomes: EventOutcome[] = [];
    for (const [i, event] of events.entries()) {
      const one = await untilDone(`applying ${where(i)}`, () => orRefusal(this.replica.apply(event)));
      outcomes.push('rejected' in one ? one : one.done);
    }
    return outcomes;
  }
}

/** The result, or why the database refused the data for good; any other failure is thrown (to be retried). */
async function orRefusal<T>(attempt: Promise<T>): Promise<{ done: T } | { rejected: string }> {
  try {
    return { done: await attempt };
  } catch (error) {
    const reason = dataRejectionReason(error); // retrying can only help if the database, not the data, is the problem
    if (reason) return { rejected: reason };
    throw error;
  }
}
