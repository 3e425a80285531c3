import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Runs a command in the repository; its exit status and everything it printed. */
export function runIn(command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * Debian's docker-compose validates a compose file offline (no engine needed). .ci/run installs it;
 * on a machine without it the compose checks are skipped, loudly, except under CI, where they fail.
 */
export const hasDockerCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
export const requireDockerCompose = process.env.CI === 'true';
