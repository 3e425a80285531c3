import {
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  KafkaJSSASLAuthenticationError,
} from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { classifyKafkaFailure } from './kafka-failure.js';

const protocol = (type: string, retriable: boolean) =>
  new KafkaJSProtocolError({ message: `broker says ${type}`, type, code: 1, retriable } as never);
/** What kafkajs' retrier throws for a not-retriable broker answer (src/retry/index.js). */
const NonRetriable = KafkaJSNonRetriableError as unknown as new (e: Error, o: { cause: Error }) => Error;
const asSent = (cause: Error) => new NonRetriable(cause, { cause });

describe('classifyKafkaFailure', () => {
  it.each(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE'])('%s is too-large: the same bytes never fit', (type) => {
    expect(classifyKafkaFailure(asSent(protocol(type, false)))).toMatchObject({
      kind: 'too-large',
      retriable: false,
      type,
    });
  });

  it.each(['INVALID_RECORD', 'TOPIC_AUTHORIZATION_FAILED', 'POLICY_VIOLATION', 'INVALID_TOPIC_EXCEPTION'])(
    '%s is refused for good: only an operator helps',
    (type) => {
      expect(classifyKafkaFailure(asSent(protocol(type, false)))).toMatchObject({ kind: 'refused', retriable: false });
    },
  );

  it('a retriable broker answer whose retries ran out is transient, though kafkajs marks the wrapper not retriable', () => {
    const exhausted = new KafkaJSNumberOfRetriesExceeded(
      protocol('NOT_LEADER_FOR_PARTITION', true) as never,
      {
        retryCount: 1,
        retryTime: 300,
      } as never,
    );
    expect(exhausted.retriable).toBe(false);
    expect(classifyKafkaFailure(exhausted)).toMatchObject({ kind: 'transient', retriable: true });
  });

  it('a broker that cannot be reached is transient, also once retries ran out', () => {
    const down = new KafkaJSConnectionError('Connection error: ECONNREFUSED');
    expect(classifyKafkaFailure(down)).toMatchObject({ kind: 'transient', retriable: true });
    const exhausted = new KafkaJSNumberOfRetriesExceeded(down as never, { retryCount: 1, retryTime: 300 } as never);
    expect(classifyKafkaFailure(exhausted).retriable).toBe(true);
  });

  it('producer-state errors are retriable: a new producer id (ResilientProducer) clears them', () => {
    expect(classifyKafkaFailure(asSent(protocol('OUT_OF_ORDER_SEQUENCE_NUMBER', false)))).toMatchObject({
      kind: 'transient',
      retriable: true,
    });
  });

  it('failed authentication is refused', () => {
    const sasl = new (KafkaJSSASLAuthenticationError as unknown as new (m: string) => Error)(
      'SASL PLAIN authentication failed',
    );
    expect(classifyKafkaFailure(sasl)).toMatchObject({ kind: 'refused', retriable: false });
  });

  it('an error of ours keeps its own flag; one without a flag is transient (retried, surfaced if it lasts)', () => {
    expect(classifyKafkaFailure(Object.assign(new Error('cannot fit'), { retriable: false })).retriable).toBe(false);
    expect(classifyKafkaFailure(new Error('database is down')).retriable).toBe(true);
  });

  it('one permanent refusal among several failed sends makes the whole send permanent', () => {
    const aggregate = Object.assign(new Error('2 sends failed'), {
      errors: [new KafkaJSConnectionError('down'), asSent(protocol('MESSAGE_TOO_LARGE', false))],
    });
    expect(classifyKafkaFailure(aggregate).kind).toBe('too-large');
  });
});
