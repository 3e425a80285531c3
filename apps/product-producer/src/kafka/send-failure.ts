/**
 * What a failed send to Kafka means for the relay:
 * - too-large: the broker refused the request's size (MESSAGE_TOO_LARGE, RECORD_LIST_TOO_LARGE). Kafka
 *   marks it not retriable: the same request fails the same way forever, so it must be split or parked;
 * - transient: anything Kafka may get over (a broker down, a leader moving, a timeout): retry the same rows;
 * - permanent: a refusal no retry changes by itself (e.g. an ACL, an unknown topic): still retried, since an
 *   operator can fix it, but logged as needing one.
 * kafkajs wraps the broker's error (KafkaJSProtocolError, with `type` and `retriable`) in
 * KafkaJSNonRetriableError or KafkaJSNumberOfRetriesExceeded, with the original as `cause`.
 */
export type SendFailure = 'too-large' | 'transient' | 'permanent';

const TOO_LARGE = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

interface KafkaErrorShape {
  type?: unknown;
  retriable?: unknown;
  cause?: unknown;
  errors?: unknown;
}

export function classifySendFailure(error: unknown): SendFailure {
  const chain = errorChain(error);
  if (chain.some((e) => typeof e.type === 'string' && TOO_LARGE.has(e.type))) return 'too-large';
  // The innermost protocol error decides; a wrapper's own flag only says kafkajs stopped retrying.
  const protocol = chain.filter((e) => typeof e.type === 'string').at(-1);
  return protocol?.retriable === false ? 'permanent' : 'transient';
}

/** The error, its causes, and the errors of an aggregate, outermost first (bounded: causes can loop). */
function errorChain(error: unknown): KafkaErrorShape[] {
  const chain: KafkaErrorShape[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < 20) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || chain.includes(next)) continue;
    const shape = next as KafkaErrorShape;
    chain.push(shape);
    queue.push(shape.cause);
    if (Array.isArray(shape.errors)) queue.push(...shape.errors);
  }
  return chain;
}
