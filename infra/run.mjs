import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, with a trailing slash. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** @param {string} message */
export function log(message) {
  console.log(`\x1b[36m[stack]\x1b[0m ${message}`);
}

/** What a caught value says, whatever was thrown. */
export function messageOf(/** @type {unknown} */ error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a command to completion, inheriting stdio; rejects with its exit code.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: Record<string, string | undefined> }} [options] env adds to this process's environment
 * @returns {Promise<void>}
 */
export function run(command, args, { cwd = repoRoot, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`)),
    );
  });
}
