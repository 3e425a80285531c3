import { eventually } from '../support/eventually.js';
import { kafkaSh } from './cluster.js';

/** Which role the stopped broker held, and how to ask who holds it now. */
export interface BrokerRole {
  /** e.g. "leader of product.events/0" */
  name: string;
  /** The broker holding the role now; throws while the cluster cannot say. */
  holder: () => Promise<number>;
}

/** Change numbers (#n: writes done so far) at the outage's steps. */
export interface OutageMarks {
  stopAt: number;
  downBy: number;
  restartAt: number;
  readyAt: number;
}

/**
 * One broker of the cluster stopped (or, with crash, SIGKILLed) and started again, driven by
 * kafka.sh, with a timeline of what happened at which change of the stream.
 */
export class BrokerOutage {
  readonly timeline: string[] = [];
  readonly marks: Partial<OutageMarks> = {};
  /** When the stop began (ms since the epoch): log lines after it belong to the outage. */
  stoppedAt?: number;
  /** The broker that took the role over. */
  movedTo?: number;
  private down = false;
  private readonly t0 = Date.now();

  constructor(
    readonly broker: number,
    readonly role: BrokerRole,
    private readonly crash: boolean,
    private readonly changes: () => number,
  ) {}

  /** Stops the broker and waits until another one holds its role (after a crash, only once its session expired: 9 s). */
  async stop(): Promise<void> {
    this.marks.stopAt = this.changes();
    this.stoppedAt = Date.now();
    this.down = true;
    this.note(`${this.crash ? 'killing' : 'stopping'} broker ${this.broker} (${this.role.name})`);
    await kafkaSh('stop-node', String(this.broker), ...(this.crash ? ['--kill'] : []));
    this.marks.downBy = this.changes();
    this.note(`broker ${this.broker} gone`);
    this.movedTo = await eventually(
      async () => {
        const holder = await this.role.holder();
        if (holder === this.broker) throw new Error(`${this.role.name} still broker ${this.broker}, which is stopped`);
        return holder;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    this.note(`${this.role.name} now broker ${this.movedTo}`);
  }

  /** Starts the broker again and resolves once it is ready. */
  async restart(): Promise<void> {
    this.marks.restartAt = this.changes();
    this.note(`starting broker ${this.broker}`);
    await kafkaSh('start-node', String(this.broker));
    this.down = false;
    this.marks.readyAt = this.changes();
    this.note(`broker ${this.broker} ready`);
  }

  /** After a failure mid-run: leaves no broker down behind the test. */
  async ensureBack(): Promise<void> {
    if (this.down) await kafkaSh('start-node', String(this.broker)).catch(() => undefined);
  }

  private note(event: string): void {
    this.timeline.push(`#${this.changes()} ${event} at ${Date.now() - this.t0} ms`);
  }
}
