// @ts-check
// The three apps as infra/start.mjs runs them (node dist/main.js in each app's directory), with their
// output in .local/bench/<app>.log instead of the terminal, so the table stays readable.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../../run.mjs';

/** @typedef {{ name: string, portVariable: string }} AppSpec */

/** @type {AppSpec[]} */
export const APPS = [
  { name: 'api-service', portVariable: 'API_SERVICE_PORT' },
  { name: 'product-producer', portVariable: 'PRODUCT_PRODUCER_PORT' },
  { name: 'product-consumer', portVariable: 'PRODUCT_CONSUMER_PORT' },
];

/** Loopback only. @param {Record<string, string>} env @param {AppSpec} app */
export function appUrl(env, app) {
  return `http://127.0.0.1:${env[app.portVariable]}`;
}

/** Where `--profile` leaves each app's `.cpuprofile`. @param {string} app */
export const profileDir = (app) => `${repoRoot}.local/bench/profiles/${app}`;

/** Node's flags for a profiled app: V8's sampling profiler, written on exit (see profile-exit.mjs). @param {string} app */
function profileFlags(app) {
  rmSync(profileDir(app), { recursive: true, force: true });
  return [
    '--cpu-prof',
    `--cpu-prof-dir=${profileDir(app)}`,
    '--import',
    `${repoRoot}infra/bench/pipeline/profile-exit.mjs`,
  ];
}

/**
 * @param {Record<string, string>} env
 * @param {boolean} [profile] run each app under `--cpu-prof`
 * @returns {{ pids: Record<string, number>, stop: () => Promise<void> }} stop stops what it started
 */
export function startApps(env, profile = false) {
  mkdirSync(`${repoRoot}.local/bench`, { recursive: true });
  const children = APPS.map((app) => {
    const log = createWriteStream(`${repoRoot}.local/bench/${app.name}.log`);
    const flags = profile ? profileFlags(app.name) : [];
    const child = spawn(process.execPath, [...flags, 'dist/main.js'], {
      cwd: `${repoRoot}apps/${app.name}`,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    return child;
  });
  const pids = Object.fromEntries(APPS.map((app, i) => [app.name, children[i].pid ?? -1]));
  const stop = async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        // A graceful stop takes a few seconds; one that hangs must not keep the broker (and the lock) forever.
        if ((await Promise.race([exited.then(() => 'exited'), sleep(30_000)])) !== 'exited') child.kill('SIGKILL');
      }),
    );
  };
  return { pids, stop };
}

/** Waits (bounded) until every app's /health answers 200. @param {Record<string, string>} env @param {number} timeoutMs */
export async function waitHealthy(env, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (const app of APPS) {
    for (;;) {
      if (await healthy(env, app)) break;
      if (Date.now() > deadline)
        throw new Error(`${app.name} not healthy at ${appUrl(env, app)}/health (see .local/bench/${app.name}.log)`);
      await sleep(500);
    }
  }
}

/** @param {Record<string, string>} env @param {AppSpec} app */
export function healthy(env, app) {
  return fetch(`${appUrl(env, app)}/health`, { signal: AbortSignal.timeout(5000) }).then(
    (r) => r.ok,
    () => false,
  );
}
