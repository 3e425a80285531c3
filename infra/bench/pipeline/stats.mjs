// @ts-check
// Figures from samples: nearest-rank percentiles (no interpolation: every figure is a latency that happened).

/** @param {number[]} samples @param {number} p 0-100 @returns {number | null} */
export function percentile(samples, p) {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** @param {number | null | undefined} n @param {number} [places] @returns {number | null} */
export function round(n, places = 1) {
  if (n === null || n === undefined || !Number.isFinite(n)) return null;
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

/** system / baseline as a percentage, or null when either is missing. @param {number | null} system @param {number | null} baseline */
export function ratioPercent(system, baseline) {
  if (system === null || baseline === null || !(baseline > 0)) return null;
  return round((system / baseline) * 100, 1);
}

/** Milliseconds since a process.hrtime.bigint() reading. @param {bigint} since */
export function msSince(since) {
  return Number(process.hrtime.bigint() - since) / 1e6;
}
