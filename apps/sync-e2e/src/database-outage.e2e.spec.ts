import { DEAD_LETTER_TOPIC } from '@nestjs-kafka-sync/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, type Product } from './support/api.js';
import { apiDb } from './support/databases.js';
import { e2eEnv } from './support/env.js';
import { eventually } from './support/eventually.js';
import { deadLettersSince, groupMembers, topicEnds } from './support/kafka.js';
import { drainedAndEqual } from './support/pipeline.js';
import { apps, useRunningSystem } from './support/stack.js';

const catalogDatabase = new URL(e2eEnv.catalogDatabaseUrl).pathname.slice(1);

/** product_catalog stops taking connections and loses the ones it has: to the consumer, the database is gone. */
async function cutCatalogDatabase(): Promise<void> {
  await apiDb.query(`ALTER DATABASE "${catalogDatabase}" WITH ALLOW_CONNECTIONS false`);
  await apiDb.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [catalogDatabase]);
}

async function restoreCatalogDatabase(): Promise<void> {
  await apiDb.query(`ALTER DATABASE "${catalogDatabase}" WITH ALLOW_CONNECTIONS true`);
}

describe('product_catalog unreachable during a stream of changes', () => {
  useRunningSystem();

  it('retries with backoff, stays in its group, dead-letters nothing, and converges once the database is back', async () => {
    const dlqFrom = await topicEnds(DEAD_LETTER_TOPIC);
    const [memberBefore] = await eventually(async () => {
      const members = await groupMembers();
      if (members.length !== 1 || members[0].partitions.length !== 3)
        throw new Error(`group not settled: ${JSON.stringify(members)}`);
      return members;
    });
    const products: Product[] = [];
    const writes = { creates: 0, updates: 0, deletes: 0 };
    const writeSome = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const existing = products[Math.floor(Math.random() * products.length)];
        if (!existing || i % 3 === 0) {
          products.push(
            await api.create({
              sku: `OUTAGE-${randomUUID().slice(0, 8)}`,
              name: `outage ${i}`,
              price: 1 + i,
              stock: i,
            }),
          );
          writes.creates += 1;
        } else {
          await api.patch(existing.id, { stock: i });
          writes.updates += 1;
        }
      }
    };

    await writeSome(30);
    const outageLogFrom = apps.consumer.log.length;
    await cutCatalogDatabase();
    try {
      // Longer than the consumer's 10 s session timeout: only heartbeats sent while retrying keep it in the group.
      const outageEnds = Date.now() + 15_000;
      while (Date.now() < outageEnds) {
        await writeSome(5);
        await sleep(500);
      }
      await eventually(async () =>
        expect(apps.consumer.log.slice(outageLogFrom)).toMatch(
          /applying product\.events\/\d@\d+(\.\.\d+)? failed \(attempt \d+\)/,
        ),
      );
    } finally {
      await restoreCatalogDatabase();
    }
    const victim = products.pop();
    if (victim) {
      await api.remove(victim.id);
      writes.deletes += 1;
    }
    await writeSome(20);

    const compared = await drainedAndEqual();
    const outageLog = apps.consumer.log.slice(outageLogFrom);
    const attempts = [...outageLog.matchAll(/failed \(attempt (\d+)\), retrying in (\d+) ms/g)].map((m) => ({
      attempt: Number(m[1]),
      delayMs: Number(m[2]),
    }));
    const longestRun = Math.max(...attempts.map((a) => a.attempt));
    // Backoff, not a busy loop: delays grow from ~200 ms to the 2 s cap used in tests.
    expect(Math.max(...attempts.map((a) => a.delayMs))).toBeGreaterThanOrEqual(1000);
    expect(attempts.length).toBeLessThan(60);
    // Still the same member: never declared dead, never rebalanced away.
    expect((await groupMembers()).map((m) => m.memberId)).toEqual([memberBefore.memberId]);
    expect(await deadLettersSince(dlqFrom)).toEqual([]);
    console.log(
      `database outage: 15 s without product_catalog during ${writes.creates} creates, ${writes.updates} updates, ${writes.deletes} delete; ` +
        `${attempts.length} retries logged (longest run ${longestRun} attempts), same group member throughout, 0 dead letters, ${compared} products equal`,
    );
  });
});
