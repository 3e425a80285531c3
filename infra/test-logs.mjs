// @ts-check
// The logs of an `npm test` run and the secrets it knows: infra/test.mjs clears the logs as it
// starts, and at its end asks log-scan.mjs whether any secret is in them.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LOCAL_KAFKA, stackEnv, TEST_API_KEYS } from './env.mjs';
import { leaksInLogs, MIN_SECRET_LENGTH } from './log-scan.mjs';
import { log, repoRoot } from './run.mjs';

/** What infra/test.mjs's commands print (run.mjs's teeOutput). */
export const TEST_LOGS_DIR = `${repoRoot}.local/test-logs`;
/** The apps the end-to-end specs start (apps/sync-e2e's AppProcess, the tour's supervisor): appended to, so cleared per run. */
const E2E_LOGS_DIR = `${repoRoot}.local/e2e-logs`;
/** The apps of the benchmark's quick mode (infra/bench/pipeline/apps.mjs). */
const BENCH_LOGS_DIR = `${repoRoot}.local/bench`;
const APP_LOG_DIRS = [E2E_LOGS_DIR, BENCH_LOGS_DIR];
/** Vitest's JSON results (infra/test.mjs clears them as it starts): failure messages quote what a test saw. */
const RESULTS_DIR = `${repoRoot}.local/test-results`;

/** Removes the previous run's logs of the kinds a run appends to, so what is scanned is this run's. */
export function clearRunLogs() {
  for (const dir of [TEST_LOGS_DIR, E2E_LOGS_DIR]) rmSync(dir, { recursive: true, force: true });
}

/**
 * Every log file written since `since` (ms since the epoch): the run's commands, the apps, the
 * benchmark's apps, Vitest's results, and every local broker's own logs (which see the passwords
 * of the secured one).
 * @param {number} since
 */
function runLogFiles(since) {
  const kafkaLogs = Object.values(LOCAL_KAFKA).map(({ KAFKA_HOME_DIR }) => `${repoRoot}${KAFKA_HOME_DIR}`);
  return [TEST_LOGS_DIR, E2E_LOGS_DIR, BENCH_LOGS_DIR, RESULTS_DIR, ...kafkaLogs]
    .flatMap((dir) => filesUnder(dir, (path) => path.includes('/logs/') || !path.startsWith(`${repoRoot}.local/kafka`)))
    .filter((path) => /\.(log|out|json)(\.\d+)?$/.test(path) && statSync(path).mtimeMs >= since);
}

/**
 * @param {string} dir
 * @param {(path: string) => boolean} keep
 * @returns {string[]}
 */
function filesUnder(dir, keep) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => keep(path) && statSync(path).isFile());
}

/**
 * What the run must never print: the secured broker's SCRAM passwords (one per app user, admin's,
 * the brokers' own) and its keystore/truststore password, every database password of the profiles
 * long enough to search for (shorter ones, like the local `postgres`, are caught by their place in a
 * URL), every *_PASSWORD the run was given, and npm start's development key. Not the test stack's
 * API keys: they are fixtures, in plain text in infra/env.mjs, that test clients may print (the
 * tour's lessons send one); appKeys below.
 * @returns {import('./log-scan.mjs').Secret[]}
 */
function knownSecrets() {
  /** @type {import('./log-scan.mjs').Secret[]} */
  const secrets = [];
  for (const [profile, { KAFKA_HOME_DIR }] of Object.entries(LOCAL_KAFKA)) {
    const dir = `${repoRoot}${KAFKA_HOME_DIR}/secrets`;
    for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.password')) : []) {
      const user = file.slice(0, -'.password'.length);
      const what = user === 'store' ? 'keystore/truststore password' : `SCRAM password of ${user}`;
      secrets.push({ name: `${what} (${profile})`, value: readFileSync(join(dir, file), 'utf8').trim() });
    }
  }
  const profiles = /** @type {import('./env.mjs').Profile[]} */ (Object.keys(LOCAL_KAFKA));
  for (const profile of profiles)
    for (const [name, value] of Object.entries(stackEnv(profile))) {
      const password = /_URL$/.test(name) && value ? decodeURIComponent(new URL(value).password) : '';
      if (password.length >= MIN_SECRET_LENGTH)
        secrets.push({ name: `password of ${name} (${profile})`, value: password });
    }
  // Passwords given to this run (the database roles' NKS_<ROLE>_PASSWORD, KAFKA_SASL_PASSWORD…).
  for (const [name, value = ''] of Object.entries(process.env).filter(([n]) => /_PASSWORD$/.test(n)))
    if (value.length >= MIN_SECRET_LENGTH) secrets.push({ name, value });
    else if (value) log(`log scan: ${name} is too short to search for as text; only found inside a URL`);
  const devKey = `${repoRoot}.local/dev-api-key`;
  if (existsSync(devKey))
    secrets.push({ name: "npm start's development API key", value: readFileSync(devKey, 'utf8').trim() });
  // One entry per value: the same password may serve two URLs.
  return [...new Map(secrets.filter((s) => s.value).map((s) => [s.value, s])).values()];
}

/**
 * The test stack's API keys, searched for in the apps' own logs only: an app that logged a key it was
 * sent (an Authorization header, say) would log production keys too.
 * @returns {import('./log-scan.mjs').Secret[]}
 */
function appKeys() {
  const appLogs = new RegExp(
    `^(${APP_LOG_DIRS.map((dir) => relative(repoRoot, dir).replaceAll('.', '\\.')).join('|')})/`,
  );
  return Object.entries(TEST_API_KEYS).map(([role, value]) => ({
    name: `the test ${role} API key`,
    value,
    in: appLogs,
  }));
}

/**
 * The scan: what is wrong with this run's logs (leaks, or no logs), one line each; empty when clean.
 * @param {number} since when the run started
 */
export function scanRunLogs(since) {
  const began = Date.now();
  const paths = runLogFiles(since);
  const secrets = knownSecrets();
  const files = paths.map((path) => ({ path: relative(repoRoot, path), text: readFileSync(path, 'utf8') }));
  const findings = leaksInLogs(files, [...secrets, ...appKeys()]);
  if (!paths.some((path) => path.startsWith(TEST_LOGS_DIR)))
    findings.push(
      `no log in ${relative(repoRoot, TEST_LOGS_DIR)}: the run's own output was not kept, so it was not scanned`,
    );
  const bytes = files.reduce((sum, f) => sum + f.text.length, 0);
  log(
    `log scan: ${files.length} log files (${Math.round(bytes / 1024)} KiB) searched for ${secrets.length} secrets (the apps' also for the test API keys) in ${Date.now() - began} ms`,
  );
  return findings;
}
