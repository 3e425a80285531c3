/** A step of one partition's records that has failed and not yet succeeded. */
export interface Stall {
  records: string;
  step: string;
  /** The latest failure's reason. */
  reason: string;
  /** False once a failure was permanent (same bytes, same answer): only an operator helps. */
  retriable: boolean;
  /** The first failure of this step. */
  since: Date;
  failures: number;
}

/**
 * The stalls to report, oldest first: every one that failed permanently at once (retrying alone
 * cannot end it), and any other that has kept failing for `reportAfterMs` (a broker or database
 * down longer than a blip). Nothing is retried forever without appearing here.
 */
export function reportableStalls(stalls: Iterable<Stall>, now: number, reportAfterMs: number): Stall[] {
  return [...stalls]
    .filter((stall) => !stall.retriable || now - stall.since.getTime() >= reportAfterMs)
    .sort((a, b) => a.since.getTime() - b.since.getTime());
}
