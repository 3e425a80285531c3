// `npm test`: builds, brings up what the tests need (as `npm start` does, but with the test
// databases, ports and consumer group), lints, type-checks and runs every project's tests,
// end-to-end included, then stops the broker again if it started it.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { log, repoRoot, run } from './run.mjs';
import { stopKafka, up } from './up.mjs';

const resultsDir = `${repoRoot}.local/test-results`;
rmSync(resultsDir, { recursive: true, force: true });

await run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=stream']);
const { env, startedKafka } = await up('test');
// The libraries' integration tests need only a server: the one the test databases are on.
const adminUrl = new URL(env.API_DATABASE_URL);
adminUrl.pathname = '/postgres';
env.PG_ADMIN_URL ??= process.env.PG_ADMIN_URL ?? adminUrl.toString();
let failed = false;
try {
  await run('npx', ['nx', 'run-many', '-t', 'lint', 'typecheck', '--parallel=2', '--output-style=stream'], { env });
  // One project at a time, the end-to-end suite last: they share the test databases.
  await run('npx', ['nx', 'run-many', '-t', 'test', '--parallel=1', '--output-style=stream'], { env });
  await run('npx', ['nx', 'run-many', '-t', 'e2e', '--output-style=stream'], { env });
} catch (error) {
  failed = true;
  log(error.message);
} finally {
  if (startedKafka) await stopKafka('test').catch((e) => log(e.message));
}

// One closing line over all projects' Vitest results.
let passed = 0;
let failedTests = 0;
let skipped = 0;
for (const file of existsSync(resultsDir) ? readdirSync(resultsDir).filter((f) => f.endsWith('.json')) : []) {
  const result = JSON.parse(readFileSync(`${resultsDir}/${file}`, 'utf8'));
  passed += result.numPassedTests;
  failedTests += result.numFailedTests;
  skipped += result.numPendingTests + result.numTodoTests;
}
if (failed) log('a task failed (see its output above): the run fails whatever the count below says');
console.log(`tests: ${passed} passed, ${failedTests} failed, ${skipped} skipped`);
process.exitCode = failed ? 1 : 0;
