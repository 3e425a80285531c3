import { WriteStream, type WriteCounts } from '../support/write-stream.js';
import { BrokerOutage, type BrokerRole } from './broker-outage.js';

/** Where in the stream the broker stops and starts again, in changes (#n). */
export interface Scenario {
  /** The broker stops after this many changes with three brokers... */
  stopAt: number;
  /** ...starts again once this many are done (and it is down)... */
  restartAt: number;
  /** ...and the stream goes on to at least this many, and afterReady more once the broker is back. */
  streamEnd: number;
  afterReady: number;
}

export const WRITERS = 4;
/** One change every 55 ms over all writers: ~18 changes/s. */
const INTERVAL_MS = 55;

export interface OutageStream {
  outage: BrokerOutage;
  counts: WriteCounts;
  total: number;
  seconds: number;
}

/**
 * Creates, updates and deletes through the REST API (WRITERS writers, each its own seeded
 * generator) while `broker`, holding `role`, stops in the middle and comes back. Whatever fails,
 * the broker is running again afterwards.
 */
export async function streamThroughOutage(options: {
  seed: number;
  broker: number;
  role: BrokerRole;
  crash: boolean;
  scenario: Scenario;
}): Promise<OutageStream> {
  const { seed, broker, role, crash, scenario } = options;
  const started = Date.now();
  const writes = new WriteStream({ products: 1000 * WRITERS, concurrency: WRITERS, seed, intervalMs: INTERVAL_MS });
  const outage = new BrokerOutage(broker, role, crash, () => writes.total);
  writes.start();
  try {
    await writes.reach(scenario.stopAt);
    await outage.stop(); // the writers go on meanwhile
    await writes.reach(scenario.restartAt);
    await outage.restart();
    await writes.reach(Math.max(scenario.streamEnd, writes.total + scenario.afterReady));
    const counts = await writes.stop();
    return { outage, counts, total: writes.total, seconds: (Date.now() - started) / 1000 };
  } finally {
    await writes.stop().catch(() => undefined); // after a failure: no writer left behind (a no-op otherwise)
    await outage.ensureBack();
  }
}
