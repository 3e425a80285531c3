import { randomUUID } from 'node:crypto';
import { api, call, type Product } from './api.js';

export interface WriteCounts {
  creates: number;
  updates: number;
  deletes: number;
}

/**
 * Random product writes through the REST API until stopped: creates up to `products` live
 * products, then mostly updates, some deletes. `random` makes a run repeatable from its seed.
 */
export class WriteStream {
  readonly counts: WriteCounts = { creates: 0, updates: 0, deletes: 0 };
  private readonly live: Product[] = [];
  private running?: Promise<void>;
  private stopped = false;
  private failure?: Error;

  constructor(
    private readonly options: { products: number; concurrency: number; maxOps?: number; random?: () => number },
  ) {}

  get total(): number {
    return this.counts.creates + this.counts.updates + this.counts.deletes;
  }

  start(): void {
    this.running = Promise.all(Array.from({ length: this.options.concurrency }, () => this.worker())).then(
      () => undefined,
      (error: Error) => {
        this.failure ??= error;
        this.stopped = true;
      },
    );
  }

  /** Resolves when every worker stopped; rejects with the first failed write. */
  async stop(): Promise<WriteCounts> {
    this.stopped = true;
    await this.running;
    if (this.failure) throw this.failure;
    return { ...this.counts };
  }

  /** Resolves once `n` writes are done (or the stream ends, whichever is first). */
  async reach(n: number): Promise<void> {
    while (this.total < n && !this.stopped) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  private async worker(): Promise<void> {
    const random = this.options.random ?? Math.random;
    while (!this.stopped && (this.options.maxOps === undefined || this.total < this.options.maxOps)) {
      const roll = random();
      if (this.live.length < this.options.products && (roll < 0.3 || this.live.length < 10)) {
        this.live.push(
          await api.create({
            sku: `W-${randomUUID().slice(0, 12)}`,
            name: `product ${this.counts.creates}`,
            price: Math.floor(random() * 10_000) / 100,
            stock: Math.floor(random() * 100),
          }),
        );
        this.counts.creates += 1;
        continue;
      }
      // Take the product out while writing it, so no two workers write one product at once.
      const [product] = this.live.splice(Math.floor(random() * this.live.length), 1);
      if (!product) continue;
      if (roll < 0.4) {
        await api.remove(product.id);
        this.counts.deletes += 1;
      } else {
        const changes =
          roll < 0.7
            ? { stock: Math.floor(random() * 1000) }
            : { name: `renamed ${randomUUID().slice(0, 6)}`, price: Math.floor(random() * 10_000) / 100 };
        const updated = await call<Product>('PATCH', `/products/${product.id}`, changes);
        if (updated.status !== 200)
          throw new Error(`PATCH ${product.id} answered ${updated.status}: ${JSON.stringify(updated.body)}`);
        this.live.push(updated.body);
        this.counts.updates += 1;
      }
    }
  }
}
