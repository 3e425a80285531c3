// @ts-check
// Runs the apps as child processes for `npm start`: restarts one that crashes (after restartDelay, logged)
// instead of stopping everything, and obeys `npm run app -- start|stop|restart|status <app>` through a
// unix socket, so a learner can stop the consumer, keep writing, and watch it catch up.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { parseCommand, restartDelay } from './supervise.mjs';
import { log, repoRoot } from './run.mjs';

/** @typedef {import('./apps.mjs').App} App */
/** @typedef {{ app: App, child?: import('node:child_process').ChildProcess, wanted: boolean, crashes: number[], timer?: NodeJS.Timeout }} Slot */

export class Supervisor {
  /** @param {App[]} apps @param {Record<string, string>} env */
  constructor(apps, env) {
    this.env = env;
    /** @type {Map<string, Slot>} */
    this.slots = new Map(apps.map((app) => [app.name, { app, wanted: false, crashes: [] }]));
  }

  /** @param {string} name */
  slot(name) {
    const slot = this.slots.get(name);
    if (!slot) throw new Error(`no app ${name}`);
    return slot;
  }

  /** @param {string} name @returns {string} */
  start(name) {
    const slot = this.slot(name);
    clearTimeout(slot.timer);
    slot.wanted = true;
    if (slot.child) return `${name} is already running (pid ${slot.child.pid})`;
    const child = spawn(process.execPath, ['dist/main.js'], {
      cwd: `${repoRoot}apps/${name}`,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    slot.child = child;
    prefixLines(child, `\x1b[${slot.app.color}m[${name}]\x1b[0m `);
    child.on('exit', (code, signal) => this.exited(slot, child, signal ?? code));
    return `${name} started (pid ${child.pid})`;
  }

  /** @param {Slot} slot @param {import('node:child_process').ChildProcess} child @param {unknown} how */
  exited(slot, child, how) {
    if (slot.child === child) slot.child = undefined;
    if (!slot.wanted) return;
    const now = Date.now();
    slot.crashes = [...slot.crashes, now].slice(-20);
    const delay = restartDelay(slot.crashes, now);
    log(`${slot.app.name} exited by itself (${how}); restarting it in ${delay / 1000} s`);
    slot.timer = setTimeout(() => log(this.start(slot.app.name)), delay);
  }

  /** SIGTERM, so the app shuts down gracefully; resolves once it exited. @param {string} name */
  async stop(name) {
    const slot = this.slot(name);
    clearTimeout(slot.timer);
    slot.wanted = false;
    const child = slot.child;
    if (!child) return `${name} is not running`;
    await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
    return `${name} stopped (pid ${child.pid})`;
  }

  /** @param {string} name */
  async restart(name) {
    const stopped = await this.stop(name);
    return `${stopped}; ${this.start(name)}`;
  }

  status() {
    return [...this.slots.values()]
      .map(
        ({ app, child, wanted }) =>
          `${app.name}: ${child ? `running (pid ${child.pid})` : wanted ? 'restarting' : 'stopped'}`,
      )
      .join('\n');
  }

  async stopAll() {
    await Promise.all([...this.slots.keys()].map((name) => this.stop(name)));
  }

  /** Serves `npm run app` on a unix socket: one command per connection, one reply. @param {string} path */
  listen(path) {
    mkdirSync(dirname(path), { recursive: true });
    rmSync(path, { force: true }); // left behind by an npm start that was killed
    const server = createServer((socket) =>
      socket.once('data', (data) => void this.obey(String(data)).then((reply) => socket.end(reply + '\n'))),
    );
    server.listen(path);
    return server;
  }

  /** @param {string} text @returns {Promise<string>} */
  async obey(text) {
    const command = parseCommand(text);
    if (!command.ok) return `error: ${command.error}`;
    if (command.verb === 'status' || !command.app) return this.status();
    log(`npm run app -- ${command.verb} ${command.app}`);
    if (command.verb === 'start') return this.start(command.app);
    return command.verb === 'stop' ? this.stop(command.app) : this.restart(command.app);
  }
}

/** Copies a child's output to ours, each line prefixed with its app's name. @param {import('node:child_process').ChildProcess} child @param {string} prefix */
function prefixLines(child, prefix) {
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream?.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? ''; // split always returns at least one element: the unfinished line
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
}
