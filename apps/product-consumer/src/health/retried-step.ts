/** A step TransientRetry retries, as product-events names it: `<step> <topic>/<partition>@<first>[..<last>]`. */
export interface RetriedStep {
  step: string;
  /** `topic/partition@first..last`, as logs name them. */
  records: string;
  /** Where the records in hand sit, when `what` names them (a step of one partition's batch). */
  partition?: { topic: string; partition: number; firstOffset: string };
}

const WHAT = /^(\S+) ((\S+)\/(\d+)@(\d+)(?:\.\.\d+)?)$/;

/** Reads what a retried step is about from its name (see recordsWhere). */
export function retriedStep(what: string): RetriedStep {
  const match = WHAT.exec(what);
  if (!match) return { step: what.split(' ')[0], records: what };
  const [, step, records, topic, partition, firstOffset] = match;
  return { step, records, partition: { topic, partition: Number(partition), firstOffset } };
}
