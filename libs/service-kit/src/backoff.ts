/**
 * Exponential backoff with "equal jitter": attempt 1 waits between half and all of `baseMs`, each
 * next attempt twice as long, never more than `maxMs`. The floor keeps a failing loop from
 * spinning; the jitter keeps restarted instances from retrying in step.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
