// @ts-check
// The three apps under npm start's supervisor, with this process's environment and no build or stack of its
// own: what the tour's doc test (apps/sync-e2e/src/tour.e2e.spec.ts) runs against the test stack, so
// `npm run app -- stop product-consumer` works there as it does beside `npm start`. SIGTERM stops them.
import { APPS } from './apps.mjs';
import { controlSocketPath } from './supervise.mjs';
import { Supervisor } from './supervisor.mjs';
import { log, repoRoot } from './run.mjs';

const supervisor = new Supervisor(APPS, {});
const server = supervisor.listen(controlSocketPath(repoRoot, process.env));
for (const app of APPS) log(supervisor.start(app.name));
process.on('SIGTERM', () => {
  server.close();
  void supervisor.stopAll().then(() => process.exit(0));
});
