import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DEAD_LETTER_TOPIC, PRODUCT_EVENTS_TOPIC, SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { KafkaClients } from '@nestjs-kafka-sync/kafka-kit';
import { logLevel, type Consumer, type Kafka } from 'kafkajs';
import { bufferTime, filter, map, share, Subject, type Observable } from 'rxjs';
import { ackItem, deadLetterItem, eventItem, type FeedItem } from './feed-items.js';
import { Recent } from './recent.js';
import { tailOffsets } from './tail-offsets.js';

/** How much history a page sees when it opens: the last records of each topic. */
const HISTORY = { [PRODUCT_EVENTS_TOPIC]: 30, [SYNC_ACKS_TOPIC]: 30, [DEAD_LETTER_TOPIC]: 100 } as const;
/** At most this many items per push; a burst of thousands is shown as its newest items and a count. */
const MAX_BATCH = 200;

export interface FeedBatch {
  items: FeedItem[];
  /** Items of this batch left out (only the newest MAX_BATCH are pushed). */
  dropped: number;
}

/**
 * Reads product.events, product.sync-acks and product.events.dlq in the view's own consumer group.
 * Kafka gives every group every record: this group sees each event that product-consumer's group
 * applies, at its own pace, without taking anything from it (fan-out). Its offsets are committed
 * like any group's, so the page shows both groups' positions side by side.
 */
@Injectable()
export class LiveFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LiveFeed.name);
  private readonly kafka: Kafka;
  private readonly groupId: string;
  private consumer?: Consumer;
  private readonly items$ = new Subject<FeedItem>();
  private readonly recent = {
    event: new Recent<FeedItem>(50),
    ack: new Recent<FeedItem>(50),
    dlq: new Recent<FeedItem>(100),
  };
  /** New items, a batch every 250 ms at most. */
  readonly batches$: Observable<FeedBatch>;

  constructor(clients: KafkaClients) {
    // Waits for the brokers however long it takes: the view starts (and shows that Kafka is down) anyway.
    const retry = { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 10_000 };
    this.kafka = clients.client('feed', { retry, logLevel: logLevel.WARN });
    this.groupId = clients.settings.consumer?.groupId ?? `${clients.settings.clientId}-feed`;
    this.batches$ = this.items$.pipe(
      bufferTime(250),
      filter((batch) => batch.length > 0),
      map((batch) => ({ items: batch.slice(-MAX_BATCH), dropped: Math.max(0, batch.length - MAX_BATCH) })),
      share(),
    );
  }

  /** What a page that opens now is shown first: the latest of each kind, oldest first. */
  history(): FeedItem[] {
    return [...this.recent.event.list(), ...this.recent.ack.list(), ...this.recent.dlq.list()];
  }

  onApplicationBootstrap(): void {
    this.start().catch((error: unknown) => this.logger.error(`live feed stopped: ${(error as Error).message}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private async start(): Promise<void> {
    const tails = await this.tails();
    const consumer = (this.consumer = this.kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false }));
    await consumer.connect();
    await consumer.subscribe({ topics: Object.keys(HISTORY), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const item =
          topic === PRODUCT_EVENTS_TOPIC
            ? eventItem(partition, message)
            : topic === SYNC_ACKS_TOPIC
              ? ackItem(message)
              : deadLetterItem(partition, message);
        this.recent[item.kind === 'event' ? 'event' : item.kind === 'ack' ? 'ack' : 'dlq'].push(item);
        this.items$.next(item);
      },
    });
    // Start at the last few records of each topic, so a page opened now shows recent history
    // rather than everything since the view last ran (run() has joined the group: seeks apply now).
    for (const { topic, partitions } of tails)
      for (const { partition, offset } of partitions) consumer.seek({ topic, partition, offset });
  }

  /** Where the last few records of each topic start. */
  private async tails(): Promise<{ topic: string; partitions: { partition: number; offset: string }[] }[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topics = Object.entries(HISTORY);
      await admin.fetchTopicMetadata({ topics: topics.map(([topic]) => topic) }); // see KafkaFigures.connect
      return await Promise.all(
        topics.map(async ([topic, count]) => ({
          topic,
          partitions: tailOffsets(await admin.fetchTopicOffsets(topic), count),
        })),
      );
    } finally {
      await admin.disconnect();
    }
  }
}
