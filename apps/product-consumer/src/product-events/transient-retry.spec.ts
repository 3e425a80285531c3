import { KafkaJSConnectionError, KafkaJSProtocolError } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { StoppedWhileRetrying, TransientRetry } from './transient-retry.js';

function retrier(baseMs: number, maxMs: number): TransientRetry {
  return new TransientRetry({ baseMs, maxMs });
}

/** A step that fails `times` times, then returns 'done'. */
function failing(times: number) {
  const calls: number[] = [];
  const step = async () => {
    calls.push(Date.now());
    if (calls.length <= times) throw new Error(`down (${calls.length})`);
    return 'done';
  };
  return { step, calls };
}

const protocolError = (type: string, code: number) => new KafkaJSProtocolError({ message: type, type, code } as never);

describe('TransientRetry', () => {
  it('retries until the step succeeds, waiting longer each time', async () => {
    const { step, calls } = failing(4);
    const result = await retrier(20, 1000).run('applying', step, async () => undefined);
    expect(result).toBe('done');
    expect(calls).toHaveLength(5);
    const waits = calls.slice(1).map((at, i) => at - calls[i]);
    // equal jitter: attempt n waits between half and all of 20·2^(n-1) ms
    expect(waits[0]).toBeGreaterThanOrEqual(9);
    expect(waits[3]).toBeGreaterThanOrEqual(79);
  });

  it('keeps the group membership alive with heartbeats while it waits', async () => {
    let heartbeats = 0;
    const { step } = failing(1);
    await retrier(3000, 3000).run('applying', step, async () => {
      heartbeats += 1;
    });
    expect(heartbeats).toBeGreaterThanOrEqual(2); // a 1.5–3 s wait, a heartbeat at least every second
  });

  it('gives up at once when a heartbeat says the group is rebalancing, so the record stays uncommitted', async () => {
    const { step, calls } = failing(10);
    const rebalancing = new KafkaJSProtocolError({
      message: 'The group is rebalancing, so a rejoin is needed',
      type: 'REBALANCE_IN_PROGRESS',
      code: 27,
    } as never);
    await expect(
      retrier(1500, 1500).run('applying', step, async () => {
        throw rebalancing;
      }),
    ).rejects.toBe(rebalancing);
    expect(calls).toHaveLength(1);
  });

  it('finishes an ack through a rebalance, then throws the rebalance so the offset is not committed', async () => {
    const { step, calls } = failing(1);
    const rebalancing = protocolError('REBALANCE_IN_PROGRESS', 27);
    await expect(
      retrier(1500, 1500).run(
        'acknowledging',
        step,
        async () => {
          throw rebalancing;
        },
        'finish',
      ),
    ).rejects.toBe(rebalancing);
    expect(calls).toHaveLength(2); // the step was tried again, and succeeded, before the rebalance was honoured
  });

  it('does not retry a step that failed because the group moved on: the consumer must rejoin', async () => {
    const moved = protocolError('NOT_COORDINATOR_FOR_GROUP', 16);
    let calls = 0;
    const step = async () => {
      calls += 1;
      throw moved;
    };
    await expect(retrier(10, 10).run('committing', step, async () => undefined)).rejects.toBe(moved);
    expect(calls).toBe(1);
  });

  it('keeps waiting while a restarted broker is not yet the coordinator (it is loading the group)', async () => {
    const { step, calls } = failing(1);
    const result = await retrier(1500, 1500).run('acknowledging', step, async () => {
      throw protocolError('NOT_COORDINATOR_FOR_GROUP', 16);
    });
    expect(result).toBe('done');
    expect(calls).toHaveLength(2);
  });

  it('keeps waiting when a heartbeat cannot reach the broker: one more transient failure', async () => {
    const { step, calls } = failing(1);
    let heartbeats = 0;
    const result = await retrier(2500, 2500).run('acknowledging', step, async () => {
      heartbeats += 1;
      throw new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:19092');
    });
    expect(result).toBe('done');
    expect(calls).toHaveLength(2);
    expect(heartbeats).toBeGreaterThanOrEqual(1);
  });

  it('stops waiting when the app shuts down, without trying again', async () => {
    const retry = retrier(60_000, 60_000);
    const { step, calls } = failing(10);
    const running = retry.run('applying', step, async () => undefined);
    setTimeout(() => retry.beforeApplicationShutdown(), 50);
    await expect(running).rejects.toBeInstanceOf(StoppedWhileRetrying);
    expect(calls).toHaveLength(1);
  });
});
