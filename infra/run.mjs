import { spawn } from 'node:child_process';
import { appendFileSync, createWriteStream, mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, with a trailing slash. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Where teeOutput sends copies of the output, and how many commands have run since. */
const tee = { dir: '', commands: 0 };

/**
 * From now on, every run() also writes its command's output to a file of its own in `dir`
 * (`NN-<command>.log`), and log() its lines to `dir/00-stack.log`: `npm test` keeps all it printed,
 * for its final scan for secrets (infra/test-logs.mjs).
 * @param {string} dir
 */
export function teeOutput(dir) {
  mkdirSync(dir, { recursive: true });
  tee.dir = dir;
}

/** @param {string} message */
export function log(message) {
  console.log(`\x1b[36m[stack]\x1b[0m ${message}`);
  if (tee.dir) appendFileSync(`${tee.dir}/00-stack.log`, `[stack] ${message}\n`);
}

/** What a caught value says, whatever was thrown. */
export function messageOf(/** @type {unknown} */ error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a command to completion, its output on this process's (and, after teeOutput, in a file too);
 * rejects with its exit code.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: Record<string, string | undefined> }} [options] env adds to this process's environment
 * @returns {Promise<void>}
 */
export function run(command, args, { cwd = repoRoot, env = {} } = {}) {
  if (!tee.dir) return runInheriting(command, args, cwd, env);
  const name = `${String(++tee.commands).padStart(2, '0')}-${[command, ...args].map((a) => basename(a)).join(' ')}`;
  const file = createWriteStream(`${tee.dir}/${name.replace(/[^\w.@=-]+/g, '_').slice(0, 80)}.log`);
  file.write(`$ ${command} ${args.join(' ')}\n`);
  // Piped, the tools would print without colour; they keep it when this terminal has it.
  const color = process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {};
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...color, ...env },
      stdio: ['inherit', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => (process.stdout.write(chunk), file.write(chunk)));
    child.stderr.on('data', (chunk) => (process.stderr.write(chunk), file.write(chunk)));
    child.on('error', (error) => file.end(() => reject(error)));
    // 'close': the pipes are drained too (a process left running by the command and holding them would delay it).
    child.on('close', (code, signal) =>
      file.end(() =>
        code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`)),
      ),
    );
  });
}

/**
 * @param {string} command
 * @param {readonly string[]} args
 * @param {string} cwd
 * @param {Record<string, string | undefined>} env
 * @returns {Promise<void>}
 */
function runInheriting(command, args, cwd, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`)),
    );
  });
}
