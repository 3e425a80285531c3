import { setTimeout as sleep } from 'node:timers/promises';
import type { AppProcess } from './app-process.js';
import { killRelayBetweenAckAndMark, type CaughtRelay } from './relay-kill.js';
import type { RelayFailure } from './relay-order.js';

export interface KillRecord {
  /** SIGKILLs per process label, counting only processes that were running when signalled. */
  kills: Map<string, number>;
  /** When each relay was killed: the failures a re-send may legitimately follow. */
  relayKills: RelayFailure[];
  /** The first round: a relay caught between Kafka's ack and marking its rows. */
  caught: CaughtRelay;
  rounds: number;
}

/** SIGKILLs a running process and fails the test if it was not running: a kill that hit nothing is no kill. */
async function kill(victim: AppProcess): Promise<RelayFailure> {
  if (!victim.running)
    throw new Error(`${victim.label} was not running before its SIGKILL: ${victim.unexpectedExits.join('; ')}`);
  const from = Date.now();
  if (!(await victim.stop('SIGKILL'))) throw new Error(`${victim.label} exited before its SIGKILL landed`);
  return { from, to: Date.now(), what: `SIGKILL of ${victim.label}` };
}

/**
 * One process down at a time, each restarted after a random pause, while `writing()` and for at
 * least `minRounds`: first a relay caught between Kafka's ack and marking (so a re-send surely
 * happens), then every process once in `firstRounds` order, then random victims at random moments.
 * `random` is the schedule's own generator: a seed repeats the victims and pauses.
 */
export async function killAtRandom(options: {
  victims: AppProcess[];
  relays: AppProcess[];
  firstRounds: AppProcess[];
  random: () => number;
  writing: () => boolean;
  minRounds: number;
}): Promise<KillRecord> {
  const { victims, relays, firstRounds, random } = options;
  const record: Omit<KillRecord, 'caught'> = {
    kills: new Map(victims.map((v) => [v.label, 0])),
    relayKills: [],
    rounds: 0,
  };
  let caught: CaughtRelay | undefined;
  while (options.writing() || record.rounds < options.minRounds) {
    await sleep(300 + random() * 1500);
    let victim: AppProcess;
    if (!caught) {
      caught = await killRelayBetweenAckAndMark(relays);
      victim = caught.victim;
      record.relayKills.push(caught.failure);
    } else {
      victim = firstRounds[record.rounds - 1] ?? victims[Math.floor(random() * victims.length)];
      const failure = await kill(victim);
      if (relays.includes(victim)) record.relayKills.push(failure);
    }
    record.kills.set(victim.label, (record.kills.get(victim.label) ?? 0) + 1);
    await sleep(200 + random() * 1500);
    await victim.start();
    record.rounds += 1;
  }
  if (!caught) throw new Error('no round ran');
  return { ...record, caught };
}
