import { Injectable } from '@nestjs/common';
import { randomBytes, randomInt } from 'node:crypto';
import { Upstream, type UpstreamReply } from '../upstream/upstream.js';
import { burstPlan } from './burst-plan.js';
import type { CreateProductAction } from './dto/actions.dto.js';

const NAMES = ['Enamel mug', 'Oak shelf', 'Linen towel', 'Brass lamp', 'Wool blanket', 'Clay teapot', 'Steel kettle'];

export interface BurstReport {
  writes: number;
  succeeded: number;
  failed: number;
  /** The first failure's answer, if any: what went wrong, in api-service's words. */
  firstFailure?: UpstreamReply;
}

/** Writes go through api-service's REST API, as any client's: the view never writes a database itself. */
@Injectable()
export class ProductWrites {
  constructor(private readonly upstream: Upstream) {}

  create(input: CreateProductAction = {}): Promise<UpstreamReply> {
    return this.upstream.request('api-service', 'POST', '/products', {
      sku: input.sku ?? `VIEW-${randomBytes(4).toString('hex').toUpperCase()}`,
      name: input.name ?? NAMES[randomInt(NAMES.length)],
      price: input.price ?? randomInt(100, 5000) / 100,
      stock: input.stock ?? randomInt(0, 100),
    });
  }

  /** `writes` writes at once: a few products created, each then updated in order (see burstPlan). */
  async burst(writes: number): Promise<BurstReport> {
    const report: BurstReport = { writes, succeeded: 0, failed: 0 };
    const record = (reply: UpstreamReply) => {
      const ok = reply.status < 300;
      report[ok ? 'succeeded' : 'failed'] += 1;
      if (!ok) report.firstFailure ??= reply;
      return ok;
    };
    await Promise.all(
      burstPlan(writes).map(async (updates) => {
        const created = await this.create();
        if (!record(created)) return;
        const { id } = created.body as { id: string };
        for (let n = 0; n < updates; n++)
          record(await this.upstream.request('api-service', 'PATCH', `/products/${id}`, { stock: randomInt(0, 100) }));
      }),
    );
    return report;
  }
}
