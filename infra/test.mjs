// `npm test`: builds, brings up what the tests need (as `npm start` does, but with the test
// databases, ports and consumer group), runs every project's tests, end-to-end included, and
// stops the broker again if it started it.
import { log, run } from './run.mjs';
import { stopKafka, up } from './up.mjs';

await run('npx', ['nx', 'run-many', '-t', 'build', '--output-style=stream']);
const { env, startedKafka } = await up('test');
let failed = false;
try {
  await run('npx', ['nx', 'run-many', '-t', 'typecheck', 'test', '--parallel=2', '--output-style=stream'], { env });
} catch (error) {
  failed = true;
  log(error.message);
} finally {
  if (startedKafka) await stopKafka().catch((e) => log(e.message));
}
process.exitCode = failed ? 1 : 0;
