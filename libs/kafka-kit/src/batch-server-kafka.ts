import { BaseRpcContext, ServerKafka, type KafkaOptions } from '@nestjs/microservices';
import type { Batch, Consumer, EachBatchPayload } from 'kafkajs';

/** What a batch handler gets with `@Ctx()`: one partition's batch and kafkajs' controls for it. */
export class KafkaBatchContext extends BaseRpcContext<[EachBatchPayload, Consumer]> {
  getBatch(): Batch {
    return this.args[0].batch;
  }
  /** heartbeat, resolveOffset, isRunning, isStale, as kafkajs' eachBatch passes them. */
  getPayload(): EachBatchPayload {
    return this.args[0];
  }
  getConsumer(): Consumer {
    return this.args[1];
  }
}

/**
 * Nest's Kafka transport with kafkajs' `eachBatch` instead of `eachMessage`. ServerKafka.bindEvents
 * (@nestjs/microservices 12.1.1) hard-codes `eachMessage`, so an `@EventPattern` handler only ever
 * sees one record: it cannot apply many in one transaction nor commit once per batch. Everything
 * else stays Nest's (client, consumer, status for /health, handler lookup, filters, shutdown): the
 * handler registered for a topic is called once per partition batch, with the batch as payload and
 * a KafkaBatchContext. Offsets are the handler's to resolve and commit (eachBatchAutoResolve off).
 */
export class BatchServerKafka extends ServerKafka {
  constructor(
    options: Required<KafkaOptions>['options'],
    private readonly partitionsConsumedConcurrently: number,
  ) {
    super(options);
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length > 0) await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics });
    await consumer.run({
      ...(this.options.run ?? {}),
      partitionsConsumedConcurrently: this.partitionsConsumedConcurrently,
      eachBatchAutoResolve: false,
      eachBatch: (payload) =>
        // A rejection reaches kafkajs as the handler threw it (ServerKafka.propagatesEventHandlerErrors).
        this.handleEvent(
          payload.batch.topic,
          { pattern: payload.batch.topic, data: payload.batch },
          new KafkaBatchContext([payload, consumer]) as never, // typed KafkaContext by ServerKafka, used only as the handler's @Ctx()
        ),
    });
  }
}
