// @ts-check
// `npm start`'s decisions about its apps, pure so they are unit-tested (supervise.spec.mjs): how long to
// wait before restarting a crashed app, and what a control command (`npm run app -- stop <app>`) asks.

/** The apps `npm start` runs, in the order it starts them. */
export const APP_NAMES = /** @type {const} */ (['api-service', 'product-producer', 'product-consumer']);
/** @typedef {(typeof APP_NAMES)[number]} AppName */

export const VERBS = /** @type {const} */ (['start', 'stop', 'restart', 'status']);
/** @typedef {(typeof VERBS)[number]} Verb */

/** Crashes further apart than this start the backoff again from its base. */
export const CRASH_WINDOW_MS = 60_000;

/**
 * How long to wait before restarting an app that exited by itself: doubling with each crash in the
 * last minute (1 s, 2 s, 4 s … capped), so a crash loop neither spins the CPU nor gives up for good.
 * @param {readonly number[]} crashTimes when the app crashed (ms), the latest included
 * @param {number} now
 * @param {{ baseMs?: number, maxMs?: number }} [options]
 */
export function restartDelay(crashTimes, now, { baseMs = 1000, maxMs = 30_000 } = {}) {
  const recent = crashTimes.filter((at) => now - at <= CRASH_WINDOW_MS).length;
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, recent - 1));
}

/**
 * A control command as sent by `npm run app`: "<verb> [app]" (status needs no app).
 * @param {string} text
 * @returns {{ ok: true, verb: Verb, app?: AppName } | { ok: false, error: string }}
 */
export function parseCommand(text) {
  const [verb, app, ...rest] = text.trim().split(/\s+/);
  const usage = `usage: npm run app -- ${VERBS.join('|')} <${APP_NAMES.join('|')}>`;
  if (!VERBS.includes(/** @type {Verb} */ (verb)))
    return { ok: false, error: `unknown command "${verb ?? ''}"; ${usage}` };
  if (verb === 'status' && app === undefined) return { ok: true, verb: 'status' };
  if (!APP_NAMES.includes(/** @type {AppName} */ (app)))
    return { ok: false, error: `unknown app "${app ?? ''}"; ${usage}` };
  if (rest.length > 0) return { ok: false, error: `unexpected "${rest.join(' ')}"; ${usage}` };
  return { ok: true, verb: /** @type {Verb} */ (verb), app: /** @type {AppName} */ (app) };
}

/**
 * Where `npm start` listens for control commands: NKS_CONTROL_SOCKET, else .local/start.sock.
 * @param {string} repoRoot with a trailing slash
 * @param {Record<string, string | undefined>} env
 */
export function controlSocketPath(repoRoot, env) {
  return env.NKS_CONTROL_SOCKET || `${repoRoot}.local/start.sock`;
}
