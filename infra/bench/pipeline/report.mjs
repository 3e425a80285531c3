// @ts-check
// One table, the same as JSON: per goal of issue 9 the system's figure, its same-run baseline, the ratio,
// the target and whether it is met. Speed never fails a run; a missing number does.

/**
 * @typedef {object} Row
 * @property {string} goal
 * @property {string} system
 * @property {string} baseline
 * @property {number | null} ratioPercent
 * @property {string} target
 * @property {boolean | null} met null: no target
 * @property {Record<string, number | null>} figures every number this row stands on (all must be finite)
 */

/** @param {number | null} n @param {string} unit */
export const fmt = (n, unit = '') => (n === null ? 'n/a' : `${n.toLocaleString('en-US')}${unit}`);

/**
 * @param {{ perSecond: number | null, p50Ms: number | null, p99Ms: number | null }} f
 * @param {string} unit
 */
export const rateAndLatency = (f, unit) =>
  `${fmt(f.perSecond, ` ${unit}`)}, p50 ${fmt(f.p50Ms, ' ms')}, p99 ${fmt(f.p99Ms, ' ms')}`;

/** @param {Row[]} rows */
export function markdownTable(rows) {
  const lines = [
    '| goal | system | baseline | ratio | target | met? |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.goal} | ${r.system} | ${r.baseline} | ${r.ratioPercent === null ? '—' : `${r.ratioPercent} %`} | ${r.target} | ${
          r.met === null ? '—' : r.met ? 'yes' : 'no'
        } |`,
    ),
  ];
  return lines.join('\n');
}

/** Every figure a row names must be a finite number. @param {Row[]} rows @returns {string[]} what is missing */
export function missingFigures(rows) {
  return rows.flatMap((r) =>
    Object.entries(r.figures)
      .filter(([, v]) => v === null || !Number.isFinite(v))
      .map(([k]) => `${r.goal}: ${k}`),
  );
}
