import { describe, expect, it } from 'vitest';
import { SyncWaiters } from './sync-waiters.js';
import { TooManySyncWaiters } from './sync.errors.js';

// The listener is never started here: `wake` is what its notifications call.
const waiters = (maxWaiters: number) =>
  new SyncWaiters({ url: 'postgresql://unused/db', poolSize: 1 } as never, { maxWaiters } as never);
const wake = (w: SyncWaiters, productId?: string) => (w as unknown as { wake(id?: string): void }).wake(productId);
const settled = (promise: Promise<void>) =>
  Promise.race([promise.then(() => 'woken'), new Promise((r) => setTimeout(() => r('waiting'), 20))]);

describe('SyncWaiters', () => {
  it('refuses a slot past the cap, before anything is written, and counts each release once', () => {
    const w = waiters(2);
    const first = w.reserve();
    w.reserve();
    expect(() => w.reserve()).toThrow(TooManySyncWaiters);
    first();
    first();
    expect(w.waiters).toBe(1);
    expect(() => w.reserve()).not.toThrow();
  });

  it("wakes one product's waiters on its notification, and everyone's after a reconnect", async () => {
    const w = waiters(10);
    const a = w.next('a', 10_000);
    const b = w.next('b', 10_000);
    wake(w, 'a');
    expect(await settled(a)).toBe('woken');
    expect(await settled(b)).toBe('waiting');
    wake(w);
    expect(await settled(b)).toBe('woken');
  });

  it('ends a wait when its time is up or its client hangs up', async () => {
    const w = waiters(10);
    expect(await settled(w.next('a', 1))).toBe('woken');
    const hangUp = new AbortController();
    const waiting = w.next('a', 10_000, hangUp.signal);
    hangUp.abort();
    expect(await settled(waiting)).toBe('woken');
  });
});
