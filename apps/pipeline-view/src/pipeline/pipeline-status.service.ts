import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { exhaustMap, from, share, timer, type Observable } from 'rxjs';
import { kafkaConfig } from '../config/kafka.config.js';
import { viewConfig } from '../config/view.config.js';
import type { Comparison } from '../products/pair-status.js';
import { ProductsService } from '../products/products.service.js';
import { Upstream } from '../upstream/upstream.js';
import { KafkaFigures, type KafkaFiguresReport } from './kafka-figures.js';
import { OutboxBacklogReader, type OutboxBacklog } from './outbox-backlog.js';

/** A part the view could not read (its database, Kafka or app is down): the page shows the reason instead. */
export type Unavailable = { error: string };

/** Everything the page's figures show, pushed every tick: counts and offsets only, never table rows. */
export interface PipelineStatus {
  at: string;
  groups: { catalog: string; view: string };
  outbox: OutboxBacklog | Unavailable;
  kafka: KafkaFiguresReport | Unavailable;
  products: Comparison['counts'] | Unavailable;
  /** product-consumer's answer to GET /control/consumer (running or paused). */
  consumer: unknown;
}

@Injectable()
export class PipelineStatusService {
  /** One tick for all open pages (shared), stopped while no page is open; a slow tick is never overlapped. */
  readonly status$: Observable<PipelineStatus>;

  constructor(
    private readonly products: ProductsService,
    private readonly kafkaFigures: KafkaFigures,
    private readonly outbox: OutboxBacklogReader,
    private readonly upstream: Upstream,
    @Inject(kafkaConfig.KEY) private readonly kafka: ConfigType<typeof kafkaConfig>,
    @Inject(viewConfig.KEY) private readonly view: ConfigType<typeof viewConfig>,
  ) {
    this.status$ = timer(0, view.tickMs).pipe(
      exhaustMap(() => from(this.snapshot())),
      share(),
    );
  }

  async snapshot(): Promise<PipelineStatus> {
    const [outbox, kafka, comparison, consumer] = await Promise.all([
      settled(this.outbox.read()),
      settled(this.kafkaFigures.report()),
      settled(this.products.comparison()),
      this.upstream.request('product-consumer', 'GET', '/control/consumer', undefined, 1000),
    ]);
    return {
      at: new Date().toISOString(),
      groups: { catalog: this.view.catalogGroupId, view: this.kafka.consumer.groupId },
      outbox,
      kafka,
      products: 'error' in comparison ? comparison : comparison.counts,
      consumer: consumer.status === 200 ? consumer.body : { error: describe(consumer.body) },
    };
  }
}

async function settled<T>(work: Promise<T>): Promise<T | Unavailable> {
  return work.catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
}

function describe(body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : JSON.stringify(body);
}
