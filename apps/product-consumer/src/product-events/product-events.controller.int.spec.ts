import { randomUUID } from 'node:crypto';
import { PRODUCT_EVENTS_TOPIC, type SyncAck } from '@nestjs-kafka-sync/contracts';
import { productEvent } from '@nestjs-kafka-sync/contracts/testing';
import { KafkaBatchContext } from '@nestjs-kafka-sync/kafka-kit';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { afterAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { testCatalogPool, testPrisma } from '../testing/test-database.js';
import { CatalogBatchService } from './catalog-batch.service.js';
import { CatalogReplicaService } from './catalog-replica.service.js';
import { ProductEventBatchService } from './product-event-batch.service.js';
import type { DeadLetterPublisher } from './dead-letter.publisher.js';
import { ProductEventsController } from './product-events.controller.js';
import type { SyncAckPublisher, TracedAck } from './sync-ack.publisher.js';
import { StoppedWhileRetrying, TransientRetry } from './transient-retry.js';

// The real replica on the test database; Kafka (consumer, ack and dead-letter producers) is faked: it is the port here.
const prisma = testPrisma();
const pool = testCatalogPool();
afterAll(() => Promise.all([prisma.$disconnect(), pool.onApplicationShutdown()]));
beforeEach(() => prisma.$executeRaw`TRUNCATE catalog_products, product_tombstones`);

/** A product.created event for a new product. */
const created = () => productEvent();

function setUp() {
  const calls: string[] = [];
  const acked: SyncAck[] = [];
  let releaseAck = (): void => undefined;
  let holdAcks = false;
  let kafkaDown = false;
  let rebalance = false;
  // The ack port, faked: each ack arrives with the trace headers of its record's span.
  const acks = {
    send: vi.fn(async (traced: TracedAck[]) => {
      const sent = traced.map(({ ack }) => ack);
      if (kafkaDown) throw new Error('Connection error: connect ECONNREFUSED');
      if (holdAcks) await new Promise<void>((resolve) => (releaseAck = resolve));
      calls.push(`ack ${sent.map((a) => a.status).join()}`);
      acked.push(...sent);
    }),
  };
  const deadLetters = {
    publish: vi.fn(
      async (...letters: { cause: { errorClass: string } }[]) =>
        void calls.push(`dead-letter ${letters.map((l) => l.cause.errorClass).join()}`),
    ),
  };
  const consumer = {
    pause: vi.fn(() => void calls.push('pause')),
    commitOffsets: vi.fn(
      async (offsets: { partition: number; offset: string }[]) =>
        void calls.push(`commit ${offsets.map((o) => `${o.partition}:${o.offset}`).join()}`),
    ),
  };
  const batches = new ProductEventBatchService(
    new CatalogBatchService(new CatalogReplicaService(pool)),
    acks as unknown as SyncAckPublisher,
    deadLetters as unknown as DeadLetterPublisher,
  );
  const controller = new ProductEventsController(batches, new TransientRetry({ baseMs: 10, maxMs: 50 }), {
    maxRecords: 3,
    partitionsConcurrently: 1,
  });
  let offset = 10;
  /** Hands the controller one batch of records (value, key), as BatchServerKafka does. */
  const deliverBatch = (...records: [value: string | null, key?: string | null][]) => {
    const messages = records.map(
      ([value, key = randomUUID()]) =>
        ({
          key: key && Buffer.from(key),
          value: value === null ? null : Buffer.from(value),
          offset: String(offset++),
          headers: {},
          timestamp: '0',
          attributes: 0,
        }) as KafkaMessage,
    );
    const payload = {
      batch: { topic: PRODUCT_EVENTS_TOPIC, partition: 1, messages },
      heartbeat: async () => {
        if (rebalance) throw Object.assign(new Error('The group is rebalancing'), { type: 'REBALANCE_IN_PROGRESS' });
      },
      resolveOffset: () => undefined,
      isRunning: () => true,
      isStale: () => false,
    } as unknown as EachBatchPayload;
    return controller.onProductEvents(new KafkaBatchContext([payload, consumer as unknown as Consumer]));
  };
  const deliver = (value: string | null, key?: string | null) => deliverBatch([value, key]);
  return {
    controller,
    deliver,
    calls,
    acked,
    deliverBatch,
    consumer,
    holdAcks: () => (holdAcks = true),
    releaseAck: () => releaseAck(),
    kafkaDown: () => (kafkaDown = true),
    kafkaUp: () => (kafkaDown = false),
    rebalancing: (on: boolean) => (rebalance = on),
    rewind: (records: number) => (offset -= records),
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

  it('applies a batch in one go: one ack send and one commit after its last record, a send and commit per 3 records', async () => {
    const { deliverBatch, calls } = setUp();
    const events = [created(), created(), created(), created()];
    const duplicate = events[0];
    await deliverBatch(...events.map((e): [string, string] => [JSON.stringify(e), e.productId]), [
      JSON.stringify(duplicate),
      duplicate.productId,
    ]);
    expect(calls).toEqual(['ack applied,applied,applied', 'commit 1:13', 'ack applied,stale', 'commit 1:15']);
  });

  it('dead-letters poison records inside a batch and applies the valid records around them', async () => {
    const { deliverBatch, calls, acked } = setUp();
    const [before, after] = [created(), created()];
    const refused = productEvent({ product: { name: 'refused by the replica' } }); // valid by the contract
    await prisma.$executeRawUnsafe(
      "ALTER TABLE catalog_products ADD CONSTRAINT int_replica_refuses CHECK (name <> 'refused by the replica')",
    );
    onTestFinished(async () => {
      await prisma.$executeRawUnsafe('ALTER TABLE catalog_products DROP CONSTRAINT int_replica_refuses');
    });
    await deliverBatch(
      [JSON.stringify(before), before.productId],
      ['not json', refused.productId],
      [JSON.stringify(refused), refused.productId],
    );
    await deliverBatch([JSON.stringify(after), after.productId]);
    expect(calls).toEqual([
      'dead-letter unparseable,database-rejected',
      'ack applied,rejected,rejected',
      'commit 1:13',
      'ack applied',
      'commit 1:14',
    ]);
    expect(acked[2]).toMatchObject({
      productId: refused.productId,
      version: 1,
      reason: expect.stringMatching(/23514.*int_replica_refuses/),
    });
    expect([await replicaHas(before.productId), await replicaHas(refused.productId)]).toEqual([true, false]);
    expect(await replicaHas(after.productId)).toBe(true);
  });

  it("keeps the acks of an applied batch whose ack send a rebalance abandoned, and sends them before the redelivery's", async () => {
    const { deliver, calls, kafkaDown, kafkaUp, rebalancing, rewind } = setUp();
    kafkaDown();
    rebalancing(true); // the heartbeat sent while waiting to retry the ack learns the group is rebalancing
    const event = created();
    const abandoned = await deliver(JSON.stringify(event), event.productId).catch((error: { type?: string }) => error);
    expect(abandoned).toMatchObject({ type: 'REBALANCE_IN_PROGRESS' }); // handed to kafkajs, which rejoins
    expect(await replicaHas(event.productId)).toBe(true);
    expect(calls).toEqual([]); // applied, neither acknowledged nor committed
    kafkaUp();
    rebalancing(false);
    rewind(1); // the uncommitted record comes again
    await deliver(JSON.stringify(event), event.productId);
    expect(calls).toEqual(['ack applied,stale', 'commit 1:11']);
  });

  it('dead-letters a record that breaks the contract, acknowledges it as rejected, and moves on', async () => {
    const { deliver, calls } = setUp();
    await deliver('{"schemaVersion": 1, "type": "product.updated"}');
    expect(calls).toEqual(['dead-letter contract-violation', 'ack rejected', 'commit 1:11']);
  });

  it('on SIGTERM stops taking records, finishes and commits the batch in hand, and only then lets shutdown go on', async () => {
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
