/**
 * What a failed Kafka call says about trying again. `too-large`: the broker refused the record's
 * size (MESSAGE_TOO_LARGE, RECORD_LIST_TOO_LARGE): the same bytes are refused forever, only a smaller
 * record helps. `refused`: any other answer that the same request can never change (authorization,
 * an invalid record, a policy): only an operator helps. `transient`: may pass by itself (broker down,
 * leader moving, timeouts, retries exhausted on such a cause, a producer id the broker lost).
 */
export type KafkaFailureKind = 'too-large' | 'refused' | 'transient';

export interface KafkaFailure {
  kind: KafkaFailureKind;
  /** Whether retrying the same request may succeed. */
  retriable: boolean;
  /** The broker's error type when there is one (e.g. MESSAGE_TOO_LARGE), else the error's name. */
  type: string;
  message: string;
}

const TOO_LARGE = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

/**
 * Marked not retriable by kafkajs, but a new producer id clears them, and ResilientProducer makes a
 * new producer after every failed send: retrying is the cure.
 */
const PRODUCER_STATE = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_EPOCH',
  'DUPLICATE_SEQUENCE_NUMBER',
  'INVALID_PRODUCER_ID_MAPPING',
]);

/**
 * kafkajs errors that kafkajs marks not retriable only because its own retries ran out or a wait
 * timed out; the cause (a broker down, a coordinator moving) may pass.
 */
const TRANSIENT_NAMES = new Set([
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSLockTimeout',
  'KafkaJSTimeout',
]);

type Flagged = Error & { type?: string; retriable?: boolean; errors?: unknown[] };

/** The error and its causes (kafkajs wraps: KafkaJSNonRetriableError → KafkaJSProtocolError), outermost first. */
function chain(error: unknown): Flagged[] {
  const errors: Flagged[] = [];
  for (let current = error; current instanceof Error && errors.length < 10; current = current.cause)
    errors.push(current as Flagged);
  return errors;
}

/**
 * Sorts an error thrown by a kafkajs send (or one of ours carrying a `retriable` flag). kafkajs' own
 * top-level `retriable` cannot be trusted alone: it wraps every error whose retries ran out in a
 * not-retriable one, and marks producer-state errors not retriable though a new producer cures them.
 * Anything not known to be permanent is transient: it is retried, and surfaced if it lasts.
 */
export function classifyKafkaFailure(error: unknown): KafkaFailure {
  const errors = chain(error);
  const message = errors[0]?.message ?? String(error);
  const aggregated = errors[0]?.errors?.map(classifyKafkaFailure).find((f) => !f.retriable);
  if (aggregated) return aggregated; // one partition's permanent refusal among several sends
  const typed = errors.find((e) => typeof e.type === 'string');
  if (typed?.type) {
    const type = typed.type;
    if (TOO_LARGE.has(type)) return { kind: 'too-large', retriable: false, type, message };
    if (PRODUCER_STATE.has(type) || typed.retriable !== false)
      return { kind: 'transient', retriable: true, type, message };
    return { kind: 'refused', retriable: false, type, message };
  }
  const name = errors[0]?.name ?? 'Error';
  if (errors.some((e) => TRANSIENT_NAMES.has(e.name)) || errors[0]?.retriable !== false)
    return { kind: 'transient', retriable: true, type: name, message };
  return { kind: 'refused', retriable: false, type: name, message };
}
