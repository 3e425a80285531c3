// `npm test`: builds, brings up what the tests need (as `npm start` does, but with the test
// databases, ports and consumer group), lints, type-checks and runs every project's tests (unit,
// integration, end-to-end), then stops the broker again if it started it. Then the sync e2e once
// more against the secured broker, each app as its own Kafka user (profile `secure`, infra/secure-pass.mjs).
// Last, the three-broker suite on its own cluster (profile `cluster`), which it stops again too.
// Every mode keeps all it and the apps print in .local/test-logs and .local/e2e-logs, and fails if
// any of it holds a secret the run knows (infra/test-logs.mjs).
// `npm run test:cluster` (`node infra/test.mjs --cluster-only`): build, then only the three-broker suite.
// `node infra/test.mjs --unit-and-e2e`: build, unit specs and the single-broker end-to-end suite only
// (what .ci/run repeats on the newest Node line).
// `node infra/test.mjs --e2e <filter...>`: build, then only the end-to-end spec files whose names match the
// filters (Vitest's file filters), against the test stack: the quick loop while working on one of them.
// `--secure` among them adds the secured sync pass; `node infra/test.mjs --secure-only`: build, then only that pass.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { external } from './env.mjs';
import { kafkaEnv, stopKafka } from './kafka.mjs';
import { log, messageOf, repoRoot, run, teeOutput } from './run.mjs';
import { secureSyncPass } from './secure-pass.mjs';
import { clearRunLogs, scanRunLogs, TEST_LOGS_DIR } from './test-logs.mjs';

const began = Date.now();
const clusterOnly = process.argv.includes('--cluster-only');
const unitAndE2eOnly = process.argv.includes('--unit-and-e2e');
const secureOnly = process.argv.includes('--secure-only');
const e2eFilters = process.argv.includes('--e2e')
  ? process.argv.slice(process.argv.indexOf('--e2e') + 1).filter((arg) => arg !== '--secure')
  : undefined;
const fullRun = !clusterOnly && !unitAndE2eOnly && !secureOnly && !e2eFilters;
const securePass = fullRun || secureOnly || (e2eFilters !== undefined && process.argv.includes('--secure'));
const resultsDir = `${repoRoot}.local/test-results`;
rmSync(resultsDir, { recursive: true, force: true });
clearRunLogs();
teeOutput(TEST_LOGS_DIR);

// Formatting first: it takes seconds and says exactly which file to `npm run format`.
if (fullRun || clusterOnly) await run('npx', ['prettier', '--check', '.']);
await run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=stream']);
// Imported once built: up.mjs takes the topics from libs/contracts' build.
const { up } = await import('./up.mjs');
let failed = false;
if (e2eFilters) {
  const { env, startedKafka } = await up('test');
  try {
    const report = ['--reporter=default', '--reporter=json', `--outputFile.json=${resultsDir}/sync-e2e.json`];
    await run('npx', ['vitest', 'run', ...report, ...e2eFilters], { cwd: `${repoRoot}apps/sync-e2e`, env });
  } catch (error) {
    failed = true;
    log(messageOf(error));
  } finally {
    if (startedKafka) await stopKafka('test').catch((e) => log(messageOf(e)));
  }
} else if (!clusterOnly && !secureOnly) {
  const { env: stack, startedKafka } = await up('test');
  // The libraries' integration tests need only a server: the one the test databases are on.
  const adminUrl = new URL(stack.API_DATABASE_URL);
  adminUrl.pathname = '/postgres';
  const env = { ...stack, PG_ADMIN_URL: process.env.PG_ADMIN_URL ?? adminUrl.toString() };
  try {
    if (!unitAndE2eOnly)
      await run('npx', ['nx', 'run-many', '-t', 'lint', 'typecheck', '--parallel=2', '--output-style=stream'], { env });
    // One project at a time (unit specs, then the integration specs: *.int.spec.ts), the
    // end-to-end suite last: the integration and end-to-end specs share the test databases.
    await run('npx', ['nx', 'run-many', '-t', 'test', '--parallel=1', '--output-style=stream'], { env });
    if (!unitAndE2eOnly)
      await run('npx', ['nx', 'run-many', '-t', 'test-int', '--parallel=1', '--output-style=stream'], { env });
    // The Node 26 pass leaves out what the first pass ran and no Node line changes: the tour's doc test and the
    // chaos test (5 min of shell commands and random kills), and the container images (built on their own
    // node:24 base), to keep CI within its time.
    const NODE_NEUTRAL = ['tour', 'chaos', 'containers'].map((spec) => `src/${spec}.e2e.spec.ts`);
    const e2eEnv = unitAndE2eOnly ? { ...env, E2E_EXCLUDE: NODE_NEUTRAL.join(',') } : env;
    await run('npx', ['nx', 'run-many', '-t', 'e2e', '--output-style=stream'], { env: e2eEnv });
    // The benchmark's quick mode, to keep it working: it checks that every figure was produced, never a speed.
    if (!unitAndE2eOnly) await run('node', ['infra/bench/pipeline.mjs', '--quick', '--no-build'], { env });
  } catch (error) {
    failed = true;
    log(messageOf(error));
  } finally {
    // Also frees the CPU for the three brokers below.
    if (startedKafka) await stopKafka('test').catch((e) => log(messageOf(e)));
  }
}

// The secured broker is local: a Kafka named by KAFKA_BROKERS is not it, and the pass cannot run.
if (securePass && external.kafka) {
  warn('the secured sync pass did NOT run: KAFKA_BROKERS names a Kafka other than the local secured broker');
  if (secureOnly) failed = true;
} else if (securePass) {
  await secureSyncPass(resultsDir).catch((error) => {
    failed = true;
    log(messageOf(error));
  });
}

// Three brokers of its own: one of them is stopped and restarted mid-stream. It needs brokers this
// script controls, so it does not run against a Kafka named by KAFKA_BROKERS; then the run says so
// loudly, here and again as its very last line, so it never reads as a full pass.
const clusterSkipped = external.kafka
  ? 'the three-broker suite did NOT run: KAFKA_BROKERS names a Kafka this script cannot stop brokers of, so broker failover is unproven by this run'
  : undefined;
if (!fullRun && !clusterOnly) {
  log(`three-broker suite not part of ${process.argv.slice(2).find((arg) => arg.startsWith('--'))}`);
} else if (clusterSkipped) {
  warn(clusterSkipped);
  if (clusterOnly) failed = true;
} else {
  let startedCluster = false;
  try {
    const cluster = await up('cluster');
    startedCluster = cluster.startedKafka;
    await run('npx', ['nx', 'run', 'sync-e2e:e2e-cluster', '--output-style=stream'], {
      env: { ...cluster.env, ...kafkaEnv('cluster') },
    });
  } catch (error) {
    failed = true;
    log(messageOf(error));
  } finally {
    if (startedCluster) await stopKafka('cluster').catch((e) => log(messageOf(e)));
  }
}

// One closing line over all projects' Vitest results (unit, integration, end-to-end, cluster).
let passed = 0;
let failedTests = 0;
let skipped = 0;
for (const file of existsSync(resultsDir) ? readdirSync(resultsDir).filter((f) => f.endsWith('.json')) : []) {
  /** @type {import('vitest/reporters').JsonTestResults} */
  const result = JSON.parse(readFileSync(`${resultsDir}/${file}`, 'utf8'));
  passed += result.numPassedTests;
  failedTests += result.numFailedTests;
  skipped += result.numPendingTests + result.numTodoTests;
}
// Last, over everything this run printed and the apps logged: no secret may be in it.
const leaks = scanRunLogs(began);
for (const leak of leaks) console.log(`\x1b[1;31mLOG LEAK: ${leak}\x1b[0m`);
if (leaks.length > 0) {
  failed = true;
  log(`${leaks.length} log line(s) hold a secret or nothing was scanned (see above); the run fails`);
}
if (failed) log('a task failed (see its output above): the run fails whatever the count below says');
console.log(`tests: ${passed} passed, ${failedTests} failed, ${skipped} skipped`);
if (clusterSkipped) warn(clusterSkipped);
process.exitCode = failed ? 1 : 0;

/** @param {string} message */
function warn(message) {
  console.log(`\x1b[1;33mWARNING: ${message}\x1b[0m`);
}
