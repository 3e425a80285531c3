import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eventually } from './eventually.js';

export type AppName = 'api-service' | 'product-producer' | 'product-consumer';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const logDir = `${repoRoot}.local/e2e-logs`;

/** One of the three apps as a real OS process, started from its build like in production. */
export class AppProcess {
  private child?: ChildProcess;
  private output = '';

  /**
   * @param readyUrl answers 200 once the process is ready (usually its /health)
   * @param env overrides of the test environment, for a process configured differently
   * @param label names its log file, for several instances of one app
   */
  constructor(
    readonly name: AppName,
    private readonly readyUrl: string,
    private readonly env: Record<string, string> = {},
    readonly label: string = name,
  ) {}

  /** Whether the process is up (started and not exited). */
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Everything the process printed since this object was created. */
  get log(): string {
    return this.output;
  }

  async start(): Promise<void> {
    mkdirSync(logDir, { recursive: true });
    const file = createWriteStream(`${logDir}/${this.label}.log`, { flags: 'a' });
    const child = spawn(process.execPath, ['dist/main.js'], {
      cwd: `${repoRoot}apps/${this.name}`,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        this.output += chunk.toString();
        file.write(chunk);
      });
    }
    child.on('exit', () => file.end());
    await eventually(
      async () => {
        if (child.exitCode !== null)
          throw new Error(`${this.label} exited with ${child.exitCode}:\n${this.output.slice(-2000)}`);
        const response = await fetch(this.readyUrl);
        if (!response.ok) throw new Error(`${this.label} not healthy yet: ${response.status} ${await response.text()}`);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  }

  /** SIGTERM is a graceful stop; SIGKILL a crash. Resolves once the process is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}
