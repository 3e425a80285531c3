/** Where product-consumer puts a record it can never apply, with the reason, instead of dropping it. */
export const DEAD_LETTER_TOPIC = 'product.events.dlq';

/**
 * Why a record was dead-lettered. All are permanent: retrying the same bytes gives the same
 * answer, so only a fix (of the producer, the contract or the replica) followed by a replay helps.
 */
export const DEAD_LETTER_ERROR_CLASSES = [
  'unparseable', // not JSON, or empty
  'unsupported-schema-version', // a schemaVersion this consumer does not know
  'unknown-event-type', // a type outside the contract's list
  'contract-violation', // JSON of a known type and version that breaks the contract
  'database-rejected', // valid per contract, refused by the replica (SQLSTATE class 22 or 23)
] as const;
export type DeadLetterErrorClass = (typeof DEAD_LETTER_ERROR_CLASSES)[number];

/** Headers a dead letter carries besides the original record's own (values are strings). */
export const DeadLetterHeaders = {
  errorClass: 'dlq-error-class',
  reason: 'dlq-reason',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  originalKey: 'dlq-original-key',
  failedAt: 'dlq-failed-at',
  consumerGroup: 'dlq-consumer-group',
  /**
   * Set when the dead letter would not fit the dead-letter topic's record size limit: the original
   * value's size in bytes. The value is then only its first bytes; the original record is still at
   * dlq-original-topic/partition/offset (while that topic's retention and compaction keep it).
   */
  truncated: 'dlq-truncated',
  /** Set ('true') when even the original record's own headers had to be left out to fit. */
  headersDropped: 'dlq-original-headers-dropped',
  /** Set on a record put back on product.events by the dead-letter tool: where it came from. */
  replayedFrom: 'dlq-replayed-from',
} as const;

export type HeaderValue = Buffer | string | (Buffer | string)[] | undefined;

export interface DeadLetterSource {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, HeaderValue>;
}

export interface DeadLetterCause {
  errorClass: DeadLetterErrorClass;
  reason: string;
  consumerGroup: string;
  failedAt?: Date;
}

/** Kafka headers are limited only by the record size; a reason quoting a huge input is cut. */
const MAX_HEADER_REASON = 4000;

/**
 * The dead letter for a record: its key and value unchanged (so a replay re-sends exactly what
 * failed), its own headers kept, and the `dlq-*` headers saying what failed, where and when.
 */
export function toDeadLetterMessage(source: DeadLetterSource, cause: DeadLetterCause) {
  const keyText = source.key === null ? null : source.key.toString();
  const reason =
    cause.reason.length > MAX_HEADER_REASON ? `${cause.reason.slice(0, MAX_HEADER_REASON - 1)}…` : cause.reason;
  return {
    key: source.key,
    value: source.value,
    headers: {
      ...withoutDeadLetterHeaders(source.headers ?? {}),
      [DeadLetterHeaders.errorClass]: cause.errorClass,
      [DeadLetterHeaders.reason]: reason,
      [DeadLetterHeaders.originalTopic]: source.topic,
      [DeadLetterHeaders.originalPartition]: String(source.partition),
      [DeadLetterHeaders.originalOffset]: source.offset,
      ...(keyText !== null && { [DeadLetterHeaders.originalKey]: keyText }),
      [DeadLetterHeaders.failedAt]: (cause.failedAt ?? new Date()).toISOString(),
      [DeadLetterHeaders.consumerGroup]: cause.consumerGroup,
    },
  };
}

export interface DeadLetter {
  /** Where the dead letter itself sits on the dead-letter topic. */
  partition: number;
  offset: string;
  errorClass: string;
  reason: string;
  original: { topic: string; partition: number; offset: string; key: string | null };
  failedAt: string;
  consumerGroup: string;
  /** Set when the value is cut (see DeadLetterHeaders.truncated): fetch the original from `original`. */
  truncated: { originalValueBytes: number; headersDropped: boolean } | null;
  key: Buffer | null;
  value: Buffer | null;
  /** The original record's headers, without the dlq-* ones. */
  headers: Record<string, string>;
}

/** Reads a record of the dead-letter topic back. */
export function readDeadLetter(record: {
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: Record<string, HeaderValue>;
}): DeadLetter {
  const headers = record.headers ?? {};
  const text = (name: string) => headerText(headers[name]) ?? '';
  return {
    partition: record.partition,
    offset: record.offset,
    errorClass: text(DeadLetterHeaders.errorClass),
    reason: text(DeadLetterHeaders.reason),
    original: {
      topic: text(DeadLetterHeaders.originalTopic),
      partition: Number(text(DeadLetterHeaders.originalPartition)),
      offset: text(DeadLetterHeaders.originalOffset),
      key: headerText(headers[DeadLetterHeaders.originalKey]) ?? null,
    },
    failedAt: text(DeadLetterHeaders.failedAt),
    consumerGroup: text(DeadLetterHeaders.consumerGroup),
    truncated: headers[DeadLetterHeaders.truncated]
      ? {
          originalValueBytes: Number(text(DeadLetterHeaders.truncated)),
          headersDropped: text(DeadLetterHeaders.headersDropped) === 'true',
        }
      : null,
    key: record.key,
    value: record.value,
    headers: Object.fromEntries(
      Object.entries(withoutDeadLetterHeaders(headers)).flatMap(([name, value]) => {
        const textValue = headerText(value);
        return textValue === undefined ? [] : [[name, textValue]];
      }),
    ),
  };
}

/** A dead letter as sent: the original key and value, its headers plus the dlq-* ones. */
export interface DeadLetterMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: Record<string, HeaderValue>;
}

function headerText(value: HeaderValue): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.toString();
}

function withoutDeadLetterHeaders(headers: Record<string, HeaderValue>): Record<string, HeaderValue> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith('dlq-')));
}
