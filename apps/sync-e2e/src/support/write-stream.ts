import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { api, call, type Product } from './api.js';
import { streamRandom } from './seeded-random.js';

export interface WriteCounts {
  creates: number;
  updates: number;
  deletes: number;
}

export interface WriteStreamOptions {
  /** Live products at most, over all writers (each writer keeps its own share). */
  products: number;
  /** Concurrent writers. */
  concurrency: number;
  /** Writes in all, split evenly across the writers; without it the stream goes on until stop(). */
  maxOps?: number;
  /** Writer w draws from streamRandom(seed, w); without a seed, from Math.random. */
  seed?: number;
  /** Paces the stream: one write every intervalMs over all writers (writer w takes slots w, w + n, w + 2n, ...). */
  intervalMs?: number;
}

/**
 * Random product writes through the REST API until stopped: creates up to `products` live
 * products, then mostly updates, some deletes. Each writer writes only products it created and
 * draws from a generator of its own, so with a seed every writer makes the same writes in the
 * same order on every run; only how the writers interleave varies.
 */
export class WriteStream {
  readonly counts: WriteCounts = { creates: 0, updates: 0, deletes: 0 };
  private running?: Promise<void>;
  private stopped = false;
  private failure?: Error;

  constructor(private readonly options: WriteStreamOptions) {}

  get total(): number {
    return this.counts.creates + this.counts.updates + this.counts.deletes;
  }

  start(): void {
    const t0 = Date.now();
    const { concurrency } = this.options;
    this.running = Promise.all(Array.from({ length: concurrency }, (_, w) => this.writer(w, t0))).then(
      () => undefined,
      (error: Error) => {
        this.failure ??= error;
        this.stopped = true;
      },
    );
  }

  /** Resolves when every writer stopped; rejects with the first failed write. */
  async stop(): Promise<WriteCounts> {
    this.stopped = true;
    await this.running;
    if (this.failure) throw this.failure;
    return { ...this.counts };
  }

  /** Resolves once `n` writes are done or the stream was stopped; rejects as soon as a write failed. */
  async reach(n: number): Promise<void> {
    while (this.total < n && !this.stopped) await sleep(50);
    if (this.failure) throw this.failure;
  }

  /** Writer w's share of maxOps: an even split, the first writers taking one more for a remainder. */
  private quota(w: number): number {
    const { maxOps, concurrency } = this.options;
    if (maxOps === undefined) return Infinity;
    return Math.floor(maxOps / concurrency) + (w < maxOps % concurrency ? 1 : 0);
  }

  private async writer(w: number, t0: number): Promise<void> {
    const { seed, intervalMs, concurrency, products } = this.options;
    const random = seed === undefined ? Math.random : streamRandom(seed, w);
    const cap = Math.ceil(products / concurrency);
    const floor = Math.min(cap, Math.max(3, Math.ceil(10 / concurrency)));
    const live: Product[] = [];
    for (let k = 0; !this.stopped && k < this.quota(w); k++) {
      if (intervalMs !== undefined) await sleep(t0 + (k * concurrency + w) * intervalMs - Date.now());
      if (this.stopped) return;
      const roll = random();
      if (live.length < cap && (roll < 0.3 || live.length < floor)) {
        live.push(await this.create(random, `writer ${w} product ${k}`));
      } else {
        const [product] = live.splice(Math.floor(random() * live.length), 1);
        if (roll < 0.4) await this.remove(product);
        else live.push(await this.update(product, random, roll));
      }
    }
  }

  private async create(random: () => number, name: string): Promise<Product> {
    const product = await api.create({
      sku: `W-${randomUUID().slice(0, 12)}`,
      name,
      price: Math.floor(random() * 10_000) / 100,
      stock: Math.floor(random() * 100),
    });
    this.counts.creates += 1;
    return product;
  }

  private async remove(product: Product): Promise<void> {
    await api.remove(product.id);
    this.counts.deletes += 1;
  }

  private async update(product: Product, random: () => number, roll: number): Promise<Product> {
    const changes =
      roll < 0.7
        ? { stock: Math.floor(random() * 1000) }
        : { name: `renamed ${randomUUID().slice(0, 6)}`, price: Math.floor(random() * 10_000) / 100 };
    const updated = await call<Product>('PATCH', `/products/${product.id}`, changes);
    if (updated.status !== 200)
      throw new Error(`PATCH ${product.id} answered ${updated.status}: ${JSON.stringify(updated.body)}`);
    this.counts.updates += 1;
    return updated.body;
  }
}
