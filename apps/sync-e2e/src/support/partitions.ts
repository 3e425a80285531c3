import { randomUUID } from 'node:crypto';
import { api, replicated, type Product } from './api.js';
import { eventually } from './eventually.js';
import { groupMembers, partitionOfKey } from './kafka.js';

/** The test consumer group once it has `size` members that hold product.events' three partitions between them. */
export async function settledGroup(size: number): Promise<Awaited<ReturnType<typeof groupMembers>>> {
  return eventually(
    async () => {
      const members = await groupMembers();
      const assigned = members.flatMap((m) => m.partitions).sort();
      if (members.length !== size || assigned.join() !== '0,1,2')
        throw new Error(`group not settled at ${size}: ${JSON.stringify(members)}`);
      return members;
    },
    { timeoutMs: 60_000, intervalMs: 500 },
  );
}

/**
 * Creates products through the API until one's events go to `partition` (ids are the API's to
 * choose, the partition follows from the id), and returns that one once the replica has it. The
 * others are ordinary products on the other partitions.
 */
export async function productOnPartition(partition: number): Promise<Product> {
  for (let attempt = 1; attempt <= 50; attempt++) {
    const product = await api.create({
      sku: `P${partition}-${randomUUID().slice(0, 8)}`,
      name: 'placed',
      price: 3,
      stock: 3,
    });
    if ((await partitionOfKey(product.id)) !== partition) continue;
    await replicated(product.id, 1);
    return product;
  }
  throw new Error(`50 products, none on partition ${partition}`);
}
