// @ts-check
// Where the time goes: CPU each app process spent (user + system, from /proc, Linux only) between two
// readings. Only for apps this benchmark started (it knows their pids).
import { readdirSync, readFileSync } from 'node:fs';

/** Linux USER_HZ: /proc/<pid>/stat counts CPU time in these ticks (100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

/** @param {Record<string, number>} pids @returns {Record<string, number> | null} CPU ms per app so far */
export function readCpu(pids) {
  try {
    return Object.fromEntries(
      Object.entries(pids).map(([name, pid]) => {
        // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the line.
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return [name, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND];
      }),
    );
  } catch {
    return null; // not Linux, or an app is gone: no figure rather than a wrong one
  }
}

/**
 * CPU ms per unit of work per app between two readings.
 * @param {Record<string, number> | null} before @param {Record<string, number> | null} after @param {number} units
 * @returns {Record<string, number> | null}
 */
export function cpuPerUnit(before, after, units) {
  if (!before || !after || units <= 0) return null;
  return Object.fromEntries(
    Object.keys(after).map((name) => [name, Math.round(((after[name] - before[name]) / units) * 100) / 100]),
  );
}

/**
 * Busy CPU ms of the whole machine so far: every process on every core, PostgreSQL, the broker and this load
 * generator included (/proc/stat's first line less idle and iowait). Null where there is no /proc.
 * @returns {number | null}
 */
export function readMachineCpu() {
  try {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    return ((user + nice + system + irq + softirq + steal) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** @param {number | null} before @param {number | null} after @param {number} units @returns {number | null} */
export function machineCpuPerUnit(before, after, units) {
  return before === null || after === null || units <= 0 ? null : Math.round(((after - before) / units) * 100) / 100;
}

/**
 * CPU ms so far of every process named `comm` (PostgreSQL's backends: 'postgres'). A process that exits between two
 * readings takes its share with it: read around a load whose connections stay open.
 * @param {string} comm @returns {number}
 */
export function readCpuOfAll(comm) {
  let ms = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name)))
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== comm) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ms += ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    } catch {
      // gone meanwhile
    }
  return ms;
}
