import { DeadLetterHeaders, recordBytes, readDeadLetter, type DeadLetterMessage } from '@nestjs-kafka-sync/contracts';
import type { KafkaClients } from '@nestjs-kafka-sync/kafka-kit';
import { KafkaJSNonRetriableError, KafkaJSProtocolError, type ProducerRecord } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { DeadLetterCannotFit, DeadLetterPublisher } from './dead-letter.publisher.js';

/** A broker stand-in: the dead-letter topic's limit (what describeConfigs answers), enforced on every send as Kafka does. */
function broker(limit: number) {
  const state = { limit, describes: 0, stored: [] as DeadLetterMessage[] };
  const tooLarge = () => {
    const cause = new KafkaJSProtocolError({ message: 'too large', type: 'MESSAGE_TOO_LARGE', code: 10 } as never);
    return new (KafkaJSNonRetriableError as unknown as new (e: Error, o: { cause: Error }) => Error)(cause, { cause });
  };
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    describeConfigs: async () => {
      state.describes += 1;
      const entry = { configName: 'max.message.bytes', configValue: String(state.limit) };
      return { resources: [{ configEntries: [entry] }] };
    },
  };
  const producer = {
    send: async ({ messages }: ProducerRecord) => {
      if (messages.some((m) => recordBytes(m as DeadLetterMessage) > state.limit)) throw tooLarge();
      state.stored.push(...(messages as DeadLetterMessage[]));
    },
    disconnect: async () => undefined,
  };
  const clients = { client: () => ({ admin: () => admin }), resilientProducer: () => producer };
  const kafka = { consumer: { groupId: 'g', sessionTimeoutMs: 30_000 } };
  return { state, publisher: new DeadLetterPublisher(clients as unknown as KafkaClients, kafka as never) };
}

const letter = (offset: string, bytes: number) => ({
  source: { topic: 'product.events', partition: 0, offset, key: 'k', value: Buffer.alloc(bytes, 'x') },
  cause: { errorClass: 'unparseable' as const, reason: 'not JSON' },
});
const read = (m: DeadLetterMessage) =>
  readDeadLetter({ partition: 0, offset: '0', key: null, value: m.value as Buffer, headers: m.headers });

describe('DeadLetterPublisher', () => {
  it('stores a dead letter over the limit cut to fit, marked, with its pointer', async () => {
    const { state, publisher } = broker(5000);
    await publisher.publish(letter('7', 4990), letter('8', 10));
    expect(state.stored.map(read).map((l) => [l.original.offset, l.truncated?.originalValueBytes ?? null])).toEqual([
      ['7', 4990],
      ['8', null],
    ]);
  });

  it('follows a limit lowered after it was read: the refusal makes it read the limit again and cut', async () => {
    const { state, publisher } = broker(1_048_588);
    await publisher.publish(letter('1', 10));
    state.limit = 3000;
    await publisher.publish(letter('2', 4000));
    expect(state.describes).toBe(2);
    expect(read(state.stored[1]).truncated).toEqual({ originalValueBytes: 4000, headersDropped: false });
    expect(recordBytes(state.stored[1])).toBeLessThanOrEqual(3000);
  });

  it('refuses for good, with the flag, when not even the pointer fits; once the limit is raised it stores it', async () => {
    const { state, publisher } = broker(200);
    const failure = await publisher.publish(letter('3', 10)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeadLetterCannotFit);
    expect(failure).toMatchObject({ retriable: false });
    state.limit = 1_048_588;
    await publisher.publish(letter('3', 10));
    expect(state.stored.map((m) => String(m.headers[DeadLetterHeaders.originalOffset]))).toEqual(['3']);
  });
});
