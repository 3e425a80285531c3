import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiDb } from './support/databases.js';
import { anyRequest, POOL_ID } from './support/fuzz-routes.js';
import { fuzzRequest, type FuzzRequest } from './support/fuzz-request.js';
import { FuzzTally } from './support/fuzz-tally.js';
import { validProduct, toJsonText } from './support/fuzz-inputs.js';
import { drainedAndEqual } from './support/pipeline.js';
import { runSeed } from './support/seeded-random.js';
import { useRunningSystem } from './support/stack.js';

/** FUZZ_SEED repeats a run; FUZZ_REQUESTS sizes it (10,000 in `npm test`). */
const seed = runSeed(process.env.FUZZ_SEED);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
/** Enough to keep both apps busy on 2 cores, few enough that no request waits long for a connection. */
const CONCURRENCY = 12;
const POOL_SIZE = 40;

async function tableCounts(): Promise<{ products: number; outbox: number }> {
  const { rows } = await apiDb.query(
    'SELECT (SELECT count(*) FROM products)::int AS products, (SELECT count(*) FROM outbox_events)::int AS outbox',
  );
  return rows[0];
}

/** Sends every request with at most `concurrency` in flight, each path's pool id filled in round robin. */
async function sendAll(requests: FuzzRequest[], ids: string[], tally: FuzzTally): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const request = requests[index];
      const filled = { ...request, path: request.path.replace(POOL_ID, ids[index % ids.length]) };
      tally.record(filled, await fuzzRequest(filled));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

describe('fuzz: generated requests to every route of both apps', () => {
  useRunningSystem();

  it('never answers 5xx, writes nothing for a rejected request, and the replica ends equal to the source', async () => {
    console.log(`fuzz seed ${seed} (FUZZ_SEED=${seed} repeats this run), ${REQUESTS} requests`);
    const tally = new FuzzTally();
    // A pool of real products, so most path ids name something and writes to them can succeed.
    const pool = fc.sample(validProduct, { seed, numRuns: POOL_SIZE });
    const ids: string[] = [];
    for (const product of pool) {
      const request: FuzzRequest = {
        app: 'api',
        method: 'POST',
        path: '/products',
        headers: { 'content-type': 'application/json' },
        body: toJsonText(product),
      };
      const response = await fuzzRequest(request);
      tally.record(request, response);
      ids.push((response.body as { id: string }).id);
    }

    const requests = fc.sample(anyRequest, { seed: seed + 1, numRuns: REQUESTS });
    const started = Date.now();
    await sendAll(requests, ids, tally);
    console.log(`fuzz: ${tally.summary()} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    expect(tally.failures.slice(0, 20)).toEqual([]);
    // Every accepted write committed exactly one outbox row, so a rejected one that wrote anything shows here.
    expect(await tableCounts()).toEqual({ products: tally.products, outbox: tally.writes });
    await drainedAndEqual();
  });
});
