import { expect } from 'vitest';
import type { AppProcess } from '../support/app-process.js';

/**
 * kafkajs' log lines (through Nest's logger, `[kafkajs]`) for the two ways a consumer can come
 * back from a lost coordinator: its consumer crashed and was restarted after a pause
 * (kafkajs consumer/index.js onCrash: "Crash: ...", "Restarting the consumer in ...ms"), or it
 * joined the group again in place (consumerGroup.js joinAndSync: "Consumer has joined the group").
 */
const CRASH = /\[Consumer\] Crash: |Restarting the consumer in/;
const JOINED = /Consumer has joined the group/;

/** No kafkajs consumer crash in the app since `since` (ms since the epoch); returns the lines otherwise for the message. */
export function expectNoConsumerCrash(app: AppProcess, since: number): void {
  expect(
    app.linesMatching(CRASH, since).map((l) => l.text.trim()),
    `kafkajs consumer crashes in ${app.label}`,
  ).toEqual([]);
}

/**
 * The member came back by rejoining, not by a restart: the same process (pid, no exit), no kafkajs
 * consumer crash since the run began, and a new "joined the group" after the broker stopped.
 * Returns how long after the stop the first rejoin was read (for the log, not asserted).
 */
export function expectRejoinedInPlace(
  app: AppProcess,
  { pid, runFrom, stoppedAt }: { pid: number | undefined; runFrom: number; stoppedAt: number },
): number {
  expect(app.pid, `${app.label} pid`).toBe(pid);
  expect(app.unexpectedExits).toEqual([]);
  expect(app.running).toBe(true);
  expectNoConsumerCrash(app, runFrom);
  const joins = app.linesMatching(JOINED, stoppedAt);
  expect(joins.length, `"Consumer has joined the group" in ${app.label} after the stop`).toBeGreaterThan(0);
  return (joins[0].at - stoppedAt) / 1000;
}
