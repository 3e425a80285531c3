// @ts-check
// `npm run bench` (issue 9): the pipeline's throughput and latency, each figure beside a baseline
// measured in the same run, as one table and as JSON under bench/results/. `npm run bench -- --help`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { log, repoRoot } from '../run.mjs';
import { APPS, profileDir } from './pipeline/apps.mjs';
import { cpuShares, readProfile } from './pipeline/cpu-profile.mjs';
import { measureEndToEnd } from './pipeline/end-to-end.mjs';
import { HELP, parseOptions } from './pipeline/options.mjs';
import { measureGet, measurePatch } from './pipeline/patch-get.mjs';
import { measurePost } from './pipeline/post.mjs';
import { runTag } from './pipeline/products.mjs';
import { batchedUpsertBaseline, runRebuild } from './pipeline/rebuild.mjs';
import { sourceVersions, waitReplicated } from './pipeline/replica.mjs';
import { markdownTable, missingFigures } from './pipeline/report.mjs';
import { goalRows } from './pipeline/rows.mjs';
import { createScratchTables, dropScratchTables } from './pipeline/scratch.mjs';
import { measureStagesAlone } from './pipeline/stages-alone.mjs';
import { openStack } from './pipeline/stack.mjs';

const options = parseOptions(process.argv.slice(2));
if (options === 'help') {
  console.log(HELP);
  process.exit(0);
}
const startedAt = new Date();
// The code measured is the code at the start: read before anything runs.
const git = gitState();
const loadBefore = os.loadavg().map((n) => Math.round(n * 100) / 100);
const stack = await openStack(options);
const measuringSince = Date.now();
process.once('SIGINT', () => void stack.stop().finally(() => process.exit(130)));
const api = new pg.Pool({ connectionString: stack.env.API_DATABASE_URL, max: 4 });
const catalog = new pg.Pool({ connectionString: stack.env.CATALOG_DATABASE_URL, max: 4 });
/** @type {import('./pipeline/context.mjs').BenchContext} */
const ctx = { options, env: stack.env, apiUrl: stack.apiUrl, tag: runTag(), api, catalog, pids: stack.pids };
let exitCode = 1;
try {
  await createScratchTables(api, catalog);
  const phase = (/** @type {string} */ what) => log(`bench: ${what}`);
  phase(`POST /products for ${options.seconds} s at ${options.connections} connections, catch-up, pg baseline`);
  const post = await measurePost(ctx);
  if (ctx.pids) phase('POST /products again with the relay and consumer paused, then each resumed and timed');
  const alone = await measureStagesAlone(ctx);
  phase('PATCH /products/:id and its pg baseline');
  const patch = await measurePatch(ctx);
  phase('GET /products/:id and its pg baseline');
  const get = await measureGet(ctx);
  phase(`end to end at half the max POST rate (${post.system.perSecond} req/s) for ${options.seconds} s`);
  const e2e = await measureEndToEnd(ctx, post.system.perSecond ?? 2);
  phase('rebuild-catalog over the topic, then the batched-upsert baseline');
  const rebuild = await runRebuild(stack.env, 600_000);
  const whole = await waitReplicated(catalog, await sourceVersions(api, ctx.tag), options.catchUpTimeoutSeconds * 1000);
  const upsert = await batchedUpsertBaseline(api, catalog, Math.max(rebuild.events ?? 0, 1000));

  const rows = goalRows({ connections: options.connections, post, patch, get, e2e, rebuild, upsert, alone });
  const table = markdownTable(rows);
  const serverErrors =
    [post, patch, get].reduce((n, m) => n + m.system.status5xx, 0) +
    (alone?.api.status5xx ?? 0) +
    e2e.load.status5xx +
    Object.entries(e2e.waitForSync.outcomes).reduce((n, [k, v]) => n + (k.startsWith('5') ? v : 0), 0);
  const problems = [
    ...missingFigures(rows),
    ...(serverErrors > 0 ? [`the API answered 5xx ${serverErrors} times`] : []),
    ...[post, patch, get].flatMap((m) => (m.baseline.errors ? [`a baseline failed ${m.baseline.errors} times`] : [])),
    ...(whole.done ? [] : [`after the rebuild, ${whole.missing} products are missing from the replica`]),
  ];
  const result = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    /** From the stack being up to the table: the measurements alone. */
    measuringSeconds: Math.round((Date.now() - measuringSince) / 100) / 10,
    git,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
    },
    mode: options.quick ? 'quick' : 'full',
    durations: {
      measurementSeconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      connections: options.connections,
      catchUpTimeoutSeconds: options.catchUpTimeoutSeconds,
    },
    stack: {
      startedByBench: !options.useRunning,
      kafkaBrokers: stack.env.KAFKA_BROKERS,
      apiDatabase: withoutCredentials(stack.env.API_DATABASE_URL),
      catalogDatabase: withoutCredentials(stack.env.CATALOG_DATABASE_URL),
    },
    /** The machine is shared: its load average before and after says how noisy these figures are. */
    loadAverage: { before: loadBefore, after: os.loadavg().map((n) => Math.round(n * 100) / 100) },
    table: rows,
    measurements: { post, alone, patch, get, e2e, rebuild, upsert, replicaWholeAfterRebuild: whole.done },
    problems,
  };
  const outDir = `${repoRoot}${options.outDir.replace(/\/$/, '')}`;
  mkdirSync(outDir, { recursive: true });
  const file = `${outDir}/${result.startedAt.replaceAll(':', '-')}.json`;
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`\n${table}\n`);
  console.log(
    `${result.mode} run, ${options.seconds} s per load, measured in ${result.measuringSeconds} s, ${result.machine.cpus} cores, Node ${process.version}, commit ${result.git.commit}${result.git.dirty ? ' (+ uncommitted changes)' : ''}; written to ${file.slice(repoRoot.length)}`,
  );
  for (const problem of problems) console.error(`bench: MISSING/FAILED: ${problem}`);
  exitCode = problems.length > 0 ? 1 : 0;
} catch (error) {
  console.error(error);
} finally {
  await dropScratchTables(api, catalog).catch((/** @type {Error} */ e) => log(`bench: cleanup: ${e.message}`));
  await Promise.all([api.end(), catalog.end()]);
  await stack.stop();
}
if (options.profile && !options.useRunning) printProfiles();
process.exit(exitCode);

/** Each app's CPU by package, from the profiles its exit wrote. */
function printProfiles() {
  for (const app of APPS) {
    const files = readdirSync(profileDir(app.name)).filter((f) => f.endsWith('.cpuprofile'));
    if (files.length === 0) {
      console.error(`bench: no CPU profile from ${app.name} (it did not exit normally)`);
      continue;
    }
    const shares = cpuShares(readProfile(`${profileDir(app.name)}/${files.sort().at(-1)}`));
    console.log(`${app.name} CPU by package: ${shares.map((s) => `${s.owner} ${s.share} %`).join(', ')}`);
  }
}

/** host:port/database, never a password. @param {string} url */
function withoutCredentials(url) {
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
}

function gitState() {
  const git = (/** @type {string[]} */ ...args) =>
    execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  try {
    return {
      commit: git('rev-parse', 'HEAD'),
      dirty: git('status', '--porcelain', '--', '.', ':!bench/results').length > 0,
    };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}
