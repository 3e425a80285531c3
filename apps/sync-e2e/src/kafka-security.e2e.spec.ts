import { DEAD_LETTER_TOPIC, PRODUCT_EVENTS_TOPIC, SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { createIdempotentProducer } from '@nestjs-kafka-sync/kafka-kit';
import type { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickClient, secureBroker, type SecureUser } from './support/secure-broker.js';

// The secured broker (infra profile `secure`) enforces who may do what: SASL_SSL only, SCRAM users,
// KRaft's StandardAuthorizer with the ACLs of infra/kafka/secure-acls.mjs.
let broker: Awaited<ReturnType<typeof secureBroker>>;
const clients: Kafka[] = [];
const as = (user: SecureUser) => remember(quickClient(broker.brokers, broker.security(user), `security-e2e-${user}`));
const remember = (kafka: Kafka) => (clients.push(kafka), kafka);
const message = (key: string) => ({ key, value: JSON.stringify({ probe: key, at: Date.now() }) });

async function send(kafka: Kafka, topic: string, key: string) {
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  try {
    return await producer.send({ topic, messages: [message(key)] });
  } finally {
    await producer.disconnect();
  }
}

/** The Kafka error code a refused operation failed with (kafkajs wraps non-retriable ones: the code is on the cause). */
async function refusal(operation: Promise<unknown>): Promise<string> {
  const error = await operation.then(
    () => expect.fail('the broker allowed it'),
    (e: { type?: string; cause?: { type?: string } }) => e,
  );
  return error.type ?? error.cause?.type ?? String(error);
}

/** Connects an admin client and asks for metadata: the first thing any client does. */
async function connectAdmin(kafka: Kafka) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

/** Consumes `topic` in a group of the user's own; resolves with the first record's key, or the error that crashed it. */
async function firstRecord(kafka: Kafka, groupId: string, topic: string) {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 500, retry: { retries: 0 } });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<string>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      void consumer.run({ eachMessage: async ({ message: m }) => resolve(m.key?.toString() ?? '') }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}

beforeAll(async () => {
  broker = await secureBroker();
}, 120_000);

afterAll(async () => {
  await broker?.stop();
}, 60_000);

describe('the secured broker', () => {
  it('refuses a client without credentials', async () => {
    const tlsOnly = { ssl: broker.security('admin').ssl };
    const anonymous = remember(quickClient(broker.brokers, tlsOnly, 'security-e2e-anonymous'));
    await expect(connectAdmin(anonymous)).rejects.toThrow();
  });

  it('refuses a wrong password', async () => {
    const real = broker.security('admin');
    const wrong = {
      ...real,
      sasl: { mechanism: 'scram-sha-512' as const, username: 'admin', password: 'not-the-password' },
    };
    const kafka = remember(quickClient(broker.brokers, wrong, 'security-e2e-wrong-password'));
    await expect(connectAdmin(kafka)).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
  });

  it('speaks TLS only: a plaintext client and a client not trusting the local CA are refused', async () => {
    const { sasl, ssl } = broker.security('admin');
    expect(ssl).toMatchObject({ ca: [expect.stringContaining('BEGIN CERTIFICATE')] });
    const plaintext = remember(quickClient(broker.brokers, { sasl }, 'security-e2e-plaintext'));
    await expect(connectAdmin(plaintext)).rejects.toThrow();
    const systemCas = remember(quickClient(broker.brokers, { sasl, ssl: true }, 'security-e2e-untrusted'));
    await expect(connectAdmin(systemCas)).rejects.toThrow(/certificate/i);
    await expect(connectAdmin(as('admin'))).resolves.toEqual(expect.arrayContaining([PRODUCT_EVENTS_TOPIC]));
  });

  it("product-consumer's credentials cannot write product.events, but can write the acks and the DLQ", async () => {
    expect(await refusal(send(as('product-consumer'), PRODUCT_EVENTS_TOPIC, 'forged'))).toBe(
      'TOPIC_AUTHORIZATION_FAILED',
    );
    await expect(send(as('product-consumer'), SYNC_ACKS_TOPIC, 'ack-probe')).resolves.toHaveLength(1);
    await expect(send(as('product-consumer'), DEAD_LETTER_TOPIC, 'dlq-probe')).resolves.toHaveLength(1);
  });

  it("product-producer's credentials can write product.events, and nothing else", async () => {
    await expect(send(as('product-producer'), PRODUCT_EVENTS_TOPIC, 'event-probe')).resolves.toHaveLength(1);
    expect(await refusal(send(as('product-producer'), SYNC_ACKS_TOPIC, 'forged-ack'))).toBe(
      'TOPIC_AUTHORIZATION_FAILED',
    );
  });

  it("api-service's credentials read product.sync-acks in its group, but cannot read product.events", async () => {
    const group = `api-service-sync-acks-security-e2e-${Date.now()}`;
    await expect(firstRecord(as('api-service'), group, SYNC_ACKS_TOPIC)).resolves.toEqual(expect.any(String));
    const events = firstRecord(as('api-service'), `${group}-events`, PRODUCT_EVENTS_TOPIC);
    expect(await refusal(events)).toBe('TOPIC_AUTHORIZATION_FAILED');
    // Another group than its own: the broker answers FindCoordinator with GROUP_AUTHORIZATION_FAILED, which
    // kafkajs' findGroupCoordinator swallows into "coordinator not found" (kafkajs/src/cluster/index.js, withBroker).
    // The same user and topic just worked in its own group, so the group is what is refused.
    const otherGroup = firstRecord(as('api-service'), `not-its-group-${Date.now()}`, SYNC_ACKS_TOPIC);
    await expect(otherGroup).rejects.toMatchObject({ name: 'KafkaJSGroupCoordinatorNotFound' });
  });
});
