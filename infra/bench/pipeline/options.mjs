// @ts-check
// The command line of `npm run bench`: durations are flags so a run can be as short or as long as it must.
import { parseArgs } from 'node:util';

export const HELP = `npm run bench [-- options]

Measures the pipeline and, in the same run, a baseline for every figure (plain pg transactions of the
same shape in the same database; a batched UNNEST upsert), then prints one table and writes it as JSON.

Without --use-running it builds (nx run-many -t build), brings up the TEST profile (infra/up.mjs
'test': broker on 127.0.0.1:19092, databases api_service_test and product_catalog_test, apps on
13000-13002), EMPTIES those databases and recreates the product.events topic (as npm test does
anyway), starts the three apps from their dist, measures, then stops the apps and the broker it started.
Run it under the stack lock on a shared machine: flock /tmp/nks-stack.lock npm run bench

  --quick                  tiny durations (about a minute); checks only that every number was produced
  --duration <s>           seconds per load measurement (default 15; --quick 3)
  --warmup <s>             seconds of unmeasured load before each HTTP measurement (default 2; --quick 1)
  --connections <n>        HTTP connections and pg clients for the max-rate loads (default 32)
  --catch-up-timeout <s>   give up waiting for the replica after this long (default 180; --quick 45)
  --use-running            measure the stack already answering at the profile's URLs (API_SERVICE_PORT,
                           PRODUCT_CONSUMER_PORT, PRODUCT_PRODUCER_PORT, API_DATABASE_URL,
                           CATALOG_DATABASE_URL, KAFKA_BROKERS, KAFKA_GROUP_ID from the environment,
                           else the test profile's): nothing is started, stopped or emptied; its catalog
                           is rebuilt from its whole product.events topic (may take long on a big topic)
  --out <dir>              where the JSON goes (default bench/results; --quick .local/bench/results)
  --no-build               skip the build
  --profile                run the apps with node --cpu-prof and print, per app, the packages its CPU
                           time went to over the whole run (profiles in .local/bench/profiles)
  --help                   this text

Exit code: 1 if a measurement is missing or not a number, or the API answered 5xx. Never on speed.`;

/**
 * @typedef {object} BenchOptions
 * @property {boolean} quick
 * @property {boolean} useRunning
 * @property {boolean} build
 * @property {boolean} profile
 * @property {number} seconds load duration per measurement
 * @property {number} warmupSeconds
 * @property {number} connections
 * @property {number} catchUpTimeoutSeconds
 * @property {string} outDir relative to the repository root
 */

/** @param {string[]} argv @returns {BenchOptions | 'help'} */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      'use-running': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'catch-up-timeout': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  return {
    quick,
    useRunning: values['use-running'] ?? false,
    build: !values['no-build'],
    profile: values.profile ?? false,
    seconds: positive('--duration', values.duration, quick ? 3 : 15),
    warmupSeconds: positive('--warmup', values.warmup, quick ? 1 : 2, true),
    connections: positive('--connections', values.connections, 32),
    catchUpTimeoutSeconds: positive('--catch-up-timeout', values['catch-up-timeout'], quick ? 45 : 180),
    outDir: values.out ?? (quick ? '.local/bench/results' : 'bench/results'),
  };
}

/** @param {string} flag @param {string | undefined} text @param {number} fallback @param {boolean} [zeroOk] */
function positive(flag, text, fallback, zeroOk = false) {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || (n === 0 && !zeroOk)) throw new Error(`${flag} must be a positive number`);
  return n;
}
