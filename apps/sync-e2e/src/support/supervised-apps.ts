import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { e2eEnv } from './env.js';
import { eventually } from './eventually.js';
import { CONSUMER_TEST_SETTINGS } from './stack.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The three apps run by npm start's own supervisor (`infra/run-apps.mjs`) against the test stack, with a
 * control socket of their own: `npm run app -- …` drives them when NKS_CONTROL_SOCKET points there.
 */
export class SupervisedApps {
  readonly controlSocket = `${repoRoot}.local/tour-test.sock`;
  private child?: ChildProcess;
  private printed = '';

  /** Everything the supervisor and its apps printed. */
  get log(): string {
    return this.printed;
  }

  async start(): Promise<void> {
    mkdirSync(`${repoRoot}.local/e2e-logs`, { recursive: true });
    const file = createWriteStream(`${repoRoot}.local/e2e-logs/tour-supervised-apps.log`);
    this.child = spawn(process.execPath, ['infra/run-apps.mjs'], {
      cwd: repoRoot,
      env: { ...process.env, ...CONSUMER_TEST_SETTINGS, NKS_CONTROL_SOCKET: this.controlSocket },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout, this.child.stderr])
      stream?.on('data', (chunk: Buffer) => ((this.printed += chunk), file.write(chunk)));
    await this.healthy();
  }

  /** Resolves once every app's /health answers 200. */
  async healthy(): Promise<void> {
    const urls = [e2eEnv.apiUrl, e2eEnv.consumerUrl, e2eEnv.producerUrl].map((url) => `${url}/health`);
    await eventually(
      async () => {
        for (const url of urls) if (!(await fetch(url)).ok) throw new Error(`${url} is not healthy yet`);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
  }
}
