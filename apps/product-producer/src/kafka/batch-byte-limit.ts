/** Kafka's own default for max.message.bytes / message.max.bytes (1 MiB + 12), used when neither can be read. */
export const KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

export interface LimitSources {
  /** product.events' max.message.bytes (its own, or the broker default it inherits), when readable. */
  topic?: number;
  /** The broker's message.max.bytes, when the topic's could not be read. */
  broker?: number;
  /** OUTBOX_MAX_BATCH_BYTES: an operator's own cap, never raised by what the broker says. */
  configured?: number;
}

/** Where a limit came from, for the log line that says which the relay uses. */
export interface BatchByteLimit {
  bytes: number;
  source: 'topic' | 'broker' | 'kafka default';
}

/**
 * The largest record batch the relay may send to one partition: the topic's limit, else the broker's, else
 * Kafka's default; never above an operator's configured cap. A value that is not a positive number
 * (an unreadable config) counts as unknown.
 */
export function batchByteLimit({ topic, broker, configured }: LimitSources): BatchByteLimit {
  const known = (value?: number): value is number => value !== undefined && Number.isFinite(value) && value > 0;
  const learned: BatchByteLimit = known(topic)
    ? { bytes: topic, source: 'topic' }
    : known(broker)
      ? { bytes: broker, source: 'broker' }
      : { bytes: KAFKA_DEFAULT_MAX_MESSAGE_BYTES, source: 'kafka default' };
  return configured !== undefined ? { ...learned, bytes: Math.min(learned.bytes, configured) } : learned;
}
