import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventually } from './eventually.js';

export type AppName = 'api-service' | 'product-producer' | 'product-consumer' | 'pipeline-view';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const logDir = `${repoRoot}.local/e2e-logs`;

/** How one run of the process ended; `signalled` says whether the test asked for it (stop). */
export interface Exit {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  signalled: boolean;
}

/** A line the process printed, with when the test read it (ms since the epoch). */
export interface LogLine {
  at: number;
  text: string;
}

/** One of the three apps as a real OS process, started from its build like in production. */
export class AppProcess {
  private child?: ChildProcess;
  private signalled = false;
  private output = '';
  private readonly partial = { stdout: '', stderr: '' };
  private readonly printed: LogLine[] = [];
  private readonly ended: Exit[] = [];

  /**
   * @param readyUrl answers 200 once the process is ready (usually its /health)
   * @param env overrides of the test environment, for a process configured differently
   * @param label names its log file, for several instances of one app, and its database
   *   connections (PGAPPNAME, shown as application_name in pg_stat_activity)
   */
  constructor(
    readonly name: AppName,
    private readonly readyUrl: string,
    private readonly env: Record<string, string> = {},
    readonly label: string = name,
    /** Where the app's files are: the work tree, or a folder laid out like its container image. */
    private readonly root: string = repoRoot,
  ) {}

  /** Whether the process is up (started and not exited). */
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The OS process id of the current (or last) run. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Everything the process printed since this object was created. */
  get log(): string {
    return this.output;
  }

  /** The lines printed so far (stdout and stderr), each stamped with when it arrived. */
  linesMatching(pattern: RegExp, since = 0): LogLine[] {
    return this.printed.filter((line) => line.at >= since && pattern.test(line.text));
  }

  /** Every run that ended so far, in order. */
  get exits(): readonly Exit[] {
    return this.ended;
  }

  /** The runs that ended without the test stopping them: a crash, or an exit of its own. */
  get unexpectedExits(): string[] {
    return this.ended
      .filter((exit) => !exit.signalled)
      .map((e) => `${this.label} (pid ${e.pid}) exited by itself with ${e.signal ?? `code ${e.code}`}`);
  }

  async start(): Promise<void> {
    mkdirSync(logDir, { recursive: true });
    const file = createWriteStream(`${logDir}/${this.label}.log`, { flags: 'a' });
    const child = spawn(process.execPath, ['dist/main.js'], {
      cwd: join(this.root, 'apps', this.name),
      env: { ...process.env, PGAPPNAME: this.label, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.signalled = false;
    for (const [name, stream] of [
      ['stdout', child.stdout],
      ['stderr', child.stderr],
    ] as const) {
      stream?.on('data', (chunk: Buffer) => {
        this.read(name, chunk.toString());
        file.write(chunk);
      });
    }
    child.on('exit', (code, signal) => {
      this.ended.push({ pid: child.pid ?? -1, code, signal, signalled: this.child !== child || this.signalled });
      file.end();
    });
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

  private read(stream: 'stdout' | 'stderr', text: string): void {
    this.output += text;
    const lines = (this.partial[stream] + text).split('\n');
    this.partial[stream] = lines.pop() ?? '';
    const at = Date.now();
    for (const line of lines) this.printed.push({ at, text: line });
  }

  /**
   * SIGTERM is a graceful stop; SIGKILL a crash. Resolves once the process is gone: true if it was
   * running and this signal ended it, false if there was nothing to stop (it had already exited).
   */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<boolean> {
    const child = this.child;
    if (!child || !this.running) return false;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    this.signalled = true;
    child.kill(signal);
    await exited;
    return true;
  }
}
