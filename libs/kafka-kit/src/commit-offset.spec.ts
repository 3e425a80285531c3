import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { rebalanceCause, rejoinCause } from './commit-offset.js';

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

describe('rebalanceCause', () => {
  it('finds a rebalance, not a coordinator that is loading the group or has moved', () => {
    const rebalancing = new KafkaJSProtocolError({
      message: 'The group is rebalancing, so a rejoin is needed',
      type: 'REBALANCE_IN_PROGRESS',
      code: 27,
    } as never);
    expect(rebalanceCause(new KafkaJSNumberOfRetriesExceeded(rebalancing, { retryCount: 5, retryTime: 9000 }))).toBe(
      rebalancing,
    );
    expect(rebalanceCause(notCoordinator())).toBeUndefined();
  });
});
