import { HealthIndicatorService } from '@nestjs/terminus';
import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { PartitionStalls } from '../health/partition-stalls.js';
import { StallSignal } from '../health/stall-signal.js';
import { TransientRetry } from './transient-retry.js';

const tooLarge = () => {
  const cause = new KafkaJSProtocolError({ message: 'too large', type: 'MESSAGE_TOO_LARGE', code: 10 } as never);
  return new (KafkaJSNonRetriableError as unknown as new (e: Error, o: { cause: Error }) => Error)(cause, { cause });
};

/** TransientRetry with the real stall registry /health reads (no consumer attached: no offset metadata). */
function withStalls(reportStallAfterMs: number) {
  const stalls = new PartitionStalls(
    { baseMs: 10, maxMs: 200, reportStallAfterMs },
    new HealthIndicatorService(),
    new StallSignal(),
  );
  return { stalls, retry: new TransientRetry({ baseMs: 10, maxMs: 200 }, undefined, stalls) };
}

/** A step failing with `errors` in turn, then succeeding; it records /health as seen at each failure. */
function scripted(errors: Error[], stalls: PartitionStalls) {
  const health: unknown[] = [];
  let calls = 0;
  const step = async () => {
    if (calls > 0) health.push(stalls.check('partitions'));
    const error = errors[calls++];
    if (error) throw error;
    return 'done';
  };
  return { step, health };
}

describe('TransientRetry and stalls', () => {
  it('a permanent failure is reported on /health at once, with its records and reason, and cleared on success', async () => {
    const { stalls, retry } = withStalls(60_000);
    const { step, health } = scripted([tooLarge()], stalls);
    await expect(retry.run('dead-lettering product.events/2@41..45', step, async () => undefined)).resolves.toBe(
      'done',
    );
    expect(health[0]).toMatchObject({
      partitions: {
        status: 'down',
        stalled: 1,
        stalls: [{ records: 'product.events/2@41..45', step: 'dead-lettering', retriable: false }],
      },
    });
    expect(JSON.stringify(health[0])).toContain('MESSAGE_TOO_LARGE');
    expect(stalls.check('partitions')).toEqual({ partitions: { status: 'up', stalled: 0 } });
  });

  it('a transient failure is not reported until it has lasted CONSUMER_STALL_REPORT_AFTER_MS', async () => {
    const { stalls, retry } = withStalls(60_000);
    const { step, health } = scripted([new KafkaJSConnectionError('down')], stalls);
    await retry.run('acknowledging product.events/0@7', step, async () => undefined);
    expect(health[0]).toEqual({ partitions: { status: 'up', stalled: 0 } });
    expect(stalls.reportable(Date.now() + 60_000)).toEqual([]); // and none left over
  });

  it('a stall abandoned (shutdown) is no longer reported', async () => {
    const { stalls, retry } = withStalls(60_000);
    const running = retry.run(
      'applying product.events/1@3',
      () => Promise.reject(tooLarge()),
      async () => undefined,
    );
    setTimeout(() => retry.stop(), 20);
    await expect(running).rejects.toThrow('stopped while retrying');
    expect(stalls.reportable()).toEqual([]);
  });
});
