import { productEvent } from '@nestjs-kafka-sync/contracts/testing';
import { randomUUID } from 'node:crypto';
import { e2eEnv } from './env.js';

/** product-producer's health details (GET /health, `outbox-relay`). */
export async function relayHealth(): Promise<Record<string, unknown>> {
  const report = (await (await fetch(`${e2eEnv.producerUrl}/health`)).json()) as {
    info?: Record<string, Record<string, unknown>>;
    error?: Record<string, Record<string, unknown>>;
  };
  return { ...report.error?.['outbox-relay'], ...report.info?.['outbox-relay'] };
}

/** A valid event of about 2.8 kB (`description` 2,000 × `x`), or 12.6 kB with `escaped`: 2,000 control characters JSON writes as six bytes each, the example. */
export function heavyEvent({ productId = randomUUID(), version = 1, escaped = false } = {}) {
  const description = (escaped ? '\u0001' : 'x').repeat(2000);
  return productEvent({ productId, version, product: { sku: `HEAVY-${productId.slice(0, 8)}`, description } });
}
