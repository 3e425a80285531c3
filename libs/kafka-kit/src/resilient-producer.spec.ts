import { Partitioners, type Producer, type ProducerRecord } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { ResilientProducer } from './resilient-producer.js';

/** A stand-in for the kafkajs producer port, scripted per instance. */
function fakeProducers(script: { connect?: boolean; send: boolean[] }[]) {
  const made: { id: number; sent: ProducerRecord[]; disconnected: boolean }[] = [];
  const create = () => {
    const id = made.length;
    const plan = script[id];
    const record = { id, sent: [] as ProducerRecord[], disconnected: false };
    made.push(record);
    let sends = 0;
    return {
      connect: async () => {
        if (plan.connect === false) throw new Error(`producer ${id} cannot connect`);
      },
      send: async (r: ProducerRecord) => {
        if (!plan.send[sends++]) throw new Error(`producer ${id} send failed`);
        record.sent.push(r);
        return [];
      },
      disconnect: async () => {
        record.disconnected = true;
      },
    } as unknown as Producer;
  };
  return { made, create };
}

const record = { topic: 't', messages: [{ key: 'k', value: 'v' }] };

describe('ResilientProducer', () => {
  it('reuses one producer while sends succeed, always with acks from all in-sync replicas', async () => {
    const { made, create } = fakeProducers([{ send: [true, true] }]);
    const producer = new ResilientProducer(create);
    await producer.send(record);
    await producer.send(record);
    expect(made).toHaveLength(1);
    expect(made[0].sent.map((r) => r.acks)).toEqual([-1, -1]);
  });

  it('replaces the producer after a failed send, so a new producer id starts clean', async () => {
    const { made, create } = fakeProducers([{ send: [true, false] }, { send: [true] }]);
    const producer = new ResilientProducer(create);
    await producer.send(record);
    await expect(producer.send(record)).rejects.toThrow('producer 0 send failed');
    expect(made[0].disconnected).toBe(true);
    await producer.send(record);
    expect(made.map((p) => p.sent.length)).toEqual([1, 1]);
  });

  it('warms up by connecting the producer its next send uses; a broker down then is left to that send', async () => {
    const { made, create } = fakeProducers([{ connect: false, send: [] }, { send: [true] }]);
    const producer = new ResilientProducer(create);
    await producer.warmUp(); // does not throw: the app (or rebuild) goes on, and the send retries
    expect(made[0].disconnected).toBe(true);
    await producer.warmUp();
    await producer.send(record);
    expect(made).toHaveLength(2);
    expect(made[1].sent).toHaveLength(1);
  });

  it('tries to connect again on the next send when the broker was down', async () => {
    const { made, create } = fakeProducers([{ connect: false, send: [] }, { send: [true] }]);
    const producer = new ResilientProducer(create);
    await expect(producer.send(record)).rejects.toThrow('producer 0 cannot connect');
    await producer.send(record);
    expect(made[1].sent).toHaveLength(1);
    await producer.disconnect();
    expect(made[1].disconnected).toBe(true);
  });

  it('with partition counts, sends one partition per request, in order, where kafkajs would put each key', async () => {
    const { made, create } = fakeProducers([{ send: [true, true, true, true] }]);
    const producer = new ResilientProducer(create, async () => 3);
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    await producer.send({ topic: 't', messages: keys.map((key, i) => ({ key, value: String(i) })) });

    const partitionOf = Partitioners.DefaultPartitioner();
    const metadata = [0, 1, 2].map((partitionId) => ({
      partitionId,
      leader: 0,
      replicas: [],
      isr: [],
      partitionErrorCode: 0,
    }));
    const expected = keys.map((key) =>
      partitionOf({ topic: 't', partitionMetadata: metadata, message: { key, value: null } }),
    );
    const requests = made[0].sent.map((r) =>
      r.messages.map((m) => ({ partition: m.partition, key: m.key, value: m.value })),
    );
    expect(requests.length).toBe(new Set(expected).size);
    for (const messages of requests) {
      expect(new Set(messages.map((m) => m.partition)).size).toBe(1); // one partition, so one broker, per request
      expect(messages.every((m) => m.partition === expected[keys.indexOf(String(m.key))])).toBe(true);
      expect(messages.map((m) => Number(m.value))).toEqual(
        [...messages.map((m) => Number(m.value))].sort((x, y) => x - y),
      ); // order kept
    }
    expect(requests.flat()).toHaveLength(keys.length);
  });
});
