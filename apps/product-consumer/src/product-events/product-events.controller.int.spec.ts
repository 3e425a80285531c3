import { randomUUID } from 'node:crypto';
import { ConfigService } from '@nestjs/config';
import { KafkaContext } from '@nestjs/microservices';
import { PRODUCT_EVENTS_TOPIC, type ProductEvent, type SyncAck } from '@nestjs-kafka-sync/contracts';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Env } from '../config/env.schema.js';
import { testPrisma } from '../testing/test-database.js';
import { CatalogReplica } from './catalog-replica.service.js';
import type { DeadLetterPublisher } from './dead-letter.publisher.js';
import { ProductEventsController } from './product-events.controller.js';
import type { SyncAckPublisher } from './sync-ack.publisher.js';
import { StoppedWhileRetrying, TransientRetry } from './transient-retry.js';

// The real replica on the test database; Kafka (consumer, ack and dead-letter producers) is faked: it is the port here.
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
beforeEach(() => prisma.$executeRaw`TRUNCATE catalog_products, product_tombstones`);

function created(): ProductEvent {
  const id = randomUUID();
  const at = new Date().toISOString();
  return {
    schemaVersion: 1,
    eventId: randomUUID(),
    type: 'product.created',
    productId: id,
    version: 1,
    occurredAt: at,
    product: {
      id,
      sku: 'SKU-1',
      name: 'Mug',
      description: null,
      price: '9.90',
      stock: 3,
      version: 1,
      createdAt: at,
      updatedAt: at,
    },
  };
}

function setUp() {
  const calls: string[] = [];
  let releaseAck = (): void => undefined;
  let holdAcks = false;
  let kafkaDown = false;
  const acks = {
    publish: vi.fn(async (...sent: SyncAck[]) => {
      if (kafkaDown) throw new Error('Connection error: connect ECONNREFUSED');
      if (holdAcks) await new Promise<void>((resolve) => (releaseAck = resolve));
      calls.push(`ack ${sent.map((a) => a.status).join()}`);
    }),
  };
  const deadLetters = {
    publish: vi.fn(
      async (_record: unknown, cause: { errorClass: string }) => void calls.push(`dead-letter ${cause.errorClass}`),
    ),
  };
  const consumer = {
    pause: vi.fn(() => void calls.push('pause')),
    commitOffsets: vi.fn(
      async (offsets: { partition: number; offset: string }[]) =>
        void calls.push(`commit ${offsets.map((o) => `${o.partition}:${o.offset}`).join()}`),
    ),
  };
  const config = new ConfigService<Env, true>({
    TRANSIENT_RETRY_BASE_MS: 10,
    TRANSIENT_RETRY_MAX_MS: 50,
  } as Partial<Env>);
  const controller = new ProductEventsController(
    new CatalogReplica(prisma),
    acks as unknown as SyncAckPublisher,
    deadLetters as unknown as DeadLetterPublisher,
    new TransientRetry(config),
  );
  let offset = 10;
  const deliver = (value: string | null, key: string | null = randomUUID()) => {
    const message = {
      key: key && Buffer.from(key),
      value: value === null ? null : Buffer.from(value),
      offset: String(offset++),
      headers: {},
      timestamp: '0',
      attributes: 0,
    } as KafkaMessage;
    return controller.onProductEvent(
      new KafkaContext([
        message,
        1,
        PRODUCT_EVENTS_TOPIC,
        consumer as unknown as Consumer,
        async () => undefined,
        {} as never,
      ]),
    );
  };
  return {
    controller,
    deliver,
    calls,
    consumer,
    holdAcks: () => (holdAcks = true),
    releaseAck: () => releaseAck(),
    kafkaDown: () => (kafkaDown = true),
  };
}

const replicaHas = async (id: string) => (await prisma.catalogProduct.findUnique({ where: { id } })) !== null;

describe('ProductEventsController', () => {
  it('applies, acknowledges, then commits the next offset', async () => {
    const { deliver, calls } = setUp();
    const event = created();
    await deliver(JSON.stringify(event), event.productId);
    expect(calls).toEqual(['ack applied', 'commit 1:11']);
    expect(await replicaHas(event.productId)).toBe(true);
  });

  it('dead-letters a record that breaks the contract, acknowledges it as rejected, and moves on', async () => {
    const { deliver, calls } = setUp();
    await deliver('{"schemaVersion": 1, "type": "product.updated"}');
    expect(calls).toEqual(['dead-letter contract-violation', 'ack rejected', 'commit 1:11']);
  });

  it('on SIGTERM stops taking records, finishes and commits the one in hand, and only then lets shutdown go on', async () => {
    const { controller, deliver, calls, holdAcks, releaseAck } = setUp();
    holdAcks();
    const event = created();
    const inHand = deliver(JSON.stringify(event), event.productId);
    await vi.waitFor(async () => expect(await replicaHas(event.productId)).toBe(true)); // applied, its ack not yet sent

    let shutdownDone = false;
    const shutdown = controller.beforeApplicationShutdown('SIGTERM').then(() => (shutdownDone = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toEqual(['pause']);
    expect(shutdownDone).toBe(false); // still waiting for the record in hand

    releaseAck();
    await Promise.all([inHand, shutdown]);
    expect(calls).toEqual(['pause', 'ack applied', 'commit 1:11']);

    // A record the runner hands over after that is neither applied nor committed: it stays for the next owner.
    const late = created();
    await deliver(JSON.stringify(late), late.productId);
    expect(calls).toEqual(['pause', 'ack applied', 'commit 1:11', 'pause']);
    expect(await replicaHas(late.productId)).toBe(false);
  });

  it('on SIGTERM while a record waits out an outage, stops retrying at once and leaves it uncommitted', async () => {
    const { controller, deliver, calls, kafkaDown } = setUp();
    kafkaDown(); // its ack cannot be sent: retried with backoff, up to 50 ms apart here
    const event = created();
    const inHand = deliver(JSON.stringify(event), event.productId).catch((error: Error) => error);
    await vi.waitFor(async () => expect(await replicaHas(event.productId)).toBe(true));
    await controller.beforeApplicationShutdown('SIGTERM');
    expect(await inHand).toBeInstanceOf(StoppedWhileRetrying);
    expect(calls).toEqual(['pause']); // no ack, no commit: the next owner of the partition gets the record again
  });
});
