// @ts-check
// The decision behind `npm test`'s last check (infra/test-logs.mjs gathers what it reads): does any
// log of the run hold a secret? Pure: files and secrets in, failures out, so it is tested without a run.

/**
 * What it is (for the report), its text, and, when it is searched for in some logs only, in which
 * (their paths match `in`); a reported line is masked of every secret wherever it is searched for.
 * @typedef {{ name: string, value: string, in?: RegExp }} Secret
 */
/** @typedef {{ path: string, text: string }} LogFile */

/**
 * Shorter than this, a secret cannot be searched for as plain text without matching ordinary words
 * (`postgres`): such a secret is refused here, so it can never be skipped silently. A password in a
 * URL is found whatever its length, by its place (`scheme://user:password@host`).
 */
export const MIN_SECRET_LENGTH = 12;

/** `scheme://user:password@`: a URL carrying its password. `***` is what redactedUrl (infra/env.mjs) leaves. */
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*:([^\s/@'"]+)@/gi;
const REDACTED = new Set(['***', '%2A%2A%2A']);

/**
 * What is wrong with the run's logs, one line per finding: every file:line where a secret appears
 * (the secret masked, so this report is no leak itself), or that there was nothing to scan (a scan
 * of no file proves nothing).
 * @param {readonly LogFile[]} files
 * @param {readonly Secret[]} secrets
 * @returns {string[]}
 */
export function leaksInLogs(files, secrets) {
  for (const { name, value } of secrets)
    if (value.length < MIN_SECRET_LENGTH)
      throw new Error(`secret "${name}" is shorter than ${MIN_SECRET_LENGTH} characters: too short to search logs for`);
  if (files.length === 0) return ['no log files to scan: the logs went somewhere else, and no leak can be ruled out'];
  /** @type {string[]} */
  const findings = [];
  for (const { path, text } of files) {
    text.split('\n').forEach((line, i) => {
      const found = [
        ...secrets.filter((s) => (!s.in || s.in.test(path)) && line.includes(s.value)).map((s) => s.name),
        ...[...line.matchAll(URL_PASSWORD)].filter(([, pass]) => !REDACTED.has(pass)).map(() => 'a password in a URL'),
      ];
      if (found.length > 0) findings.push(`${path}:${i + 1}: ${found.join(', ')}: ${masked(line, secrets)}`);
    });
  }
  return findings;
}

/**
 * The line with every secret and URL password replaced by `***`, cut to a readable length around
 * the first of them (a JSON report is one long line).
 * @param {string} line
 * @param {readonly Secret[]} secrets
 */
export function masked(line, secrets) {
  let out = secrets.reduce((text, { value }) => text.replaceAll(value, '***'), line);
  out = out.replace(URL_PASSWORD, (url, pass) => (REDACTED.has(pass) ? url : url.replace(`:${pass}@`, ':***@')));
  if (out.length <= 200) return out;
  const from = Math.max(0, out.indexOf('***') - 80);
  return `${from > 0 ? '…' : ''}${out.slice(from, from + 200)}${from + 200 < out.length ? '…' : ''}`;
}
