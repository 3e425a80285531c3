import {
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { classifySendFailure } from './send-failure.js';

/** A broker's answer as kafkajs builds it (src/protocol/error.js: type, code, retriable). */
const protocolError = (type: string, code: number, retriable: boolean) =>
  new KafkaJSProtocolError({ message: type, type, code, retriable } as unknown as Error);

/** How kafkajs' retrier gives up on it (src/retry/index.js); its typings omit the `cause` argument. */
const NonRetriable = KafkaJSNonRetriableError as unknown as new (e: Error, m: { cause: Error }) => Error;
const gaveUp = (e: Error) => new NonRetriable(e, { cause: e });

describe('classifySendFailure', () => {
  it('too-large: MESSAGE_TOO_LARGE as the producer throws it, wrapped as not retriable', () => {
    const broker = protocolError('MESSAGE_TOO_LARGE', 10, false);
    expect(classifySendFailure(gaveUp(broker))).toBe('too-large');
    expect(classifySendFailure(broker)).toBe('too-large');
  });

  it('too-large: RECORD_LIST_TOO_LARGE, also inside an aggregate of several brokers', () => {
    const broker = protocolError('RECORD_LIST_TOO_LARGE', 18, false);
    expect(classifySendFailure(new AggregateError([new Error('other'), broker]))).toBe('too-large');
  });

  it('transient: a broker down or a leader moving, after kafkajs gave up retrying', () => {
    const moved = protocolError('NOT_LEADER_FOR_PARTITION', 6, true);
    expect(classifySendFailure(new KafkaJSNumberOfRetriesExceeded(moved, { retryCount: 5, retryTime: 100 }))).toBe(
      'transient',
    );
    expect(classifySendFailure(new KafkaJSConnectionError('Connection error: ECONNREFUSED'))).toBe('transient');
    expect(classifySendFailure(new Error('anything else'))).toBe('transient');
  });

  it('permanent: a refusal Kafka marks not retriable that is not about size', () => {
    const denied = protocolError('TOPIC_AUTHORIZATION_FAILED', 29, false);
    expect(classifySendFailure(gaveUp(denied))).toBe('permanent');
  });

  it('survives a cause that points back at itself', () => {
    const looping = new Error('loop') as Error & { cause?: unknown };
    looping.cause = looping;
    expect(classifySendFailure(looping)).toBe('transient');
  });
});
