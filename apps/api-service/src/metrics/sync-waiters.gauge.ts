import { makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import type { Gauge } from 'prom-client';
import { SyncWaiters } from '../sync/sync-waiters.js';

/** `Prefer: wait-for-sync` requests waiting now, against WAIT_FOR_SYNC_MAX_WAITERS (read on scrape). */
export const syncWaitersGauge = makeGaugeProvider({
  name: 'sync_waiters',
  help: 'Requests of this instance waiting for their change to reach the replica (Prefer: wait-for-sync)',
  inject: [SyncWaiters],
  collect(this: Gauge, waiters: SyncWaiters) {
    this.set(waiters.waiters);
  },
});
