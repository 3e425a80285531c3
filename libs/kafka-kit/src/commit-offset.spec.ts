import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { rejoinCause } from './commit-offset.js';

const notCoordinator = () =>
  new KafkaJSProtocolError({
    message: 'This is not the correct coordinator for this group',
    type: 'NOT_COORDINATOR_FOR_GROUP',
    code: 16,
  } as never);

describe('rejoinCause', () => {
  it('finds the coordinator error kafkajs wrapped after its commit retries ran out', () => {
    const cause = notCoordinator();
    expect(rejoinCause(new KafkaJSNumberOfRetriesExceeded(cause, { retryCount: 5, retryTime: 9000 }))).toBe(cause);
  });

  it('returns the error itself when it already says to rejoin', () => {
    const error = notCoordinator();
    expect(rejoinCause(error)).toBe(error);
  });

  it('finds nothing in errors that a rejoin would not fix', () => {
    expect(
      rejoinCause(
        new KafkaJSNumberOfRetriesExceeded(new KafkaJSConnectionError('Connection error: ECONNREFUSED'), {
          retryCount: 5,
          retryTime: 9000,
        }),
      ),
    ).toBeUndefined();
    expect(rejoinCause(new Error('boom'))).toBeUndefined();
    expect(rejoinCause('not an error')).toBeUndefined();
  });
});
