import { decodeSyncAck, SYNC_ACKS_TOPIC, type ProductEvent } from '@nestjs-kafka-sync/contracts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, replicated } from './support/api.js';
import { apiDb } from './support/databases.js';
import { produceRaw, recordsSince, topicEnds } from './support/kafka.js';
import { drainedAndEqual } from './support/pipeline.js';
import { apps, useRunningSystem } from './support/stack.js';

describe('redelivered and reordered events leave the replica correct', () => {
  useRunningSystem();

  it('applies v1 and v3, ignores v2 arriving after v3 and every duplicate, and ends equal to the source', async () => {
    // The relay is stopped, so these three versions wait in the outbox; the test delivers them itself, out of order.
    await apps.producer.stop();
    const created = await api.create({ sku: `REORDER-${randomUUID().slice(0, 8)}`, name: 'v1', price: 1, stock: 1 });
    await api.patch(created.id, { name: 'v2' });
    await api.patch(created.id, { name: 'v3', stock: 3 });
    const events = (
      await apiDb.query<{ payload: ProductEvent }>(
        'SELECT payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY version',
        [created.id],
      )
    ).rows.map((row) => row.payload);
    expect(events.map((e) => e.version)).toEqual([1, 2, 3]);
    const [v1, v2, v3] = events;

    const acksFrom = await topicEnds(SYNC_ACKS_TOPIC);
    const delivered = [v1, v3, v2, v3, v1];
    await produceRaw(delivered.map((event) => ({ key: event.productId, value: JSON.stringify(event) })));
    await replicated(created.id, 3);

    // Now the relay sends all three again, in order: three more duplicates.
    await apps.producer.start();
    const compared = await drainedAndEqual();

    const acks = (await recordsSince(SYNC_ACKS_TOPIC, acksFrom))
      .map(({ message }) => decodeSyncAck(message.value))
      .flatMap((ack) =>
        ack.ok && ack.value.productId === created.id ? [`v${ack.value.version} ${ack.value.status}`] : [],
      );
    expect(acks).toEqual([
      'v1 applied',
      'v3 applied',
      'v2 stale',
      'v3 stale',
      'v1 stale',
      'v1 stale',
      'v2 stale',
      'v3 stale',
    ]);
    expect((await api.get(created.id)).sync).toEqual({ status: 'in-sync', replicatedVersion: 3, reason: null });
    console.log(
      `redelivery: delivered v1,v3,v2,v3,v1 then v1,v2,v3 again; acks ${acks.join(', ')}; replica equals source over ${compared} products`,
    );
  });
});
