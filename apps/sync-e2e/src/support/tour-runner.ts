import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BLOCK_END, outputsPerBlock, pointVariables, type Lesson } from './tour-lessons.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface LessonRun {
  exitCode: number | null;
  outputs: string[];
  output: string;
}

/**
 * Runs a lesson's blocks in order in one bash (so a variable set in one block is there in the next), from the
 * repository root as a learner would, stopping at the first failing command; `values` point the lesson's
 * variables at the test stack and `env` does the same for the npm scripts.
 */
export function runLesson(
  lesson: Lesson,
  values: Record<string, string>,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<LessonRun> {
  const script = [
    'exec 2>&1',
    'set -eo pipefail',
    ...lesson.blocks.map((block) => `${pointVariables(block.code, values)}\nprintf '\\n${BLOCK_END}\\n'`),
  ].join('\n');
  return new Promise((resolve, reject) => {
    // Its own process group, so a lesson stuck in a wait loop is ended with everything it started.
    const child = spawn('bash', ['-c', script], { cwd: repoRoot, env: { ...process.env, ...env }, detached: true });
    const timer = setTimeout(() => process.kill(-(child.pid ?? 0), 'SIGKILL'), timeoutMs);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (signal) output += `\n(killed by ${signal}: the lesson ran longer than ${timeoutMs / 1000} s)\n`;
      resolve({ exitCode, output, outputs: outputsPerBlock(output) });
    });
  });
}
