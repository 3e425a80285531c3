import { Injectable, Logger } from '@nestjs/common';
import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import type { Consumer } from 'kafkajs';
import { ConsumerNotStarted } from './control.errors.js';

type ControlledConsumer = Pick<Consumer, 'pause' | 'resume' | 'paused' | 'on' | 'events'>;

/** Nest's Kafka microservice, as main.ts has it: `unwrap()` gives kafkajs' client, consumer and producer. */
export interface KafkaMicroservice {
  unwrap<T>(): T;
}

export interface ConsumerState {
  state: 'running' | 'paused';
  topic: string;
  /** The partitions kafkajs holds paused right now. */
  pausedPartitions: number[];
}

/**
 * Pauses and resumes the app's consumption of product.events, for lessons ("stop the consumer,
 * keep writing, watch the lag"). kafkajs' pause stops fetching the topic while the consumer stays
 * in its group and keeps heartbeating: no rebalance, the partitions stay assigned, committed
 * offsets stay where they are, so the lag grows with every write; resume fetches from there.
 * kafkajs forgets pauses when it restarts a crashed consumer (it makes a new consumer group
 * object), so the wish is kept here and applied again on every group join.
 */
@Injectable()
export class ConsumerControl {
  private readonly logger = new Logger(ConsumerControl.name);
  private microservice?: KafkaMicroservice;
  private hooked?: ControlledConsumer;
  private wantPaused = false;

  /** main.ts hands over the microservice (its consumer exists once it listens). */
  attach(microservice: KafkaMicroservice): void {
    this.microservice = microservice;
  }

  pause(): ConsumerState {
    this.apply(this.consumer(), true);
    return this.state();
  }

  resume(): ConsumerState {
    this.apply(this.consumer(), false);
    return this.state();
  }

  state(): ConsumerState {
    const paused = this.hooked?.paused().find((p) => p.topic === PRODUCT_EVENTS_TOPIC)?.partitions ?? [];
    return { state: this.wantPaused ? 'paused' : 'running', topic: PRODUCT_EVENTS_TOPIC, pausedPartitions: paused };
  }

  private apply(consumer: ControlledConsumer, paused: boolean): void {
    try {
      consumer[paused ? 'pause' : 'resume']([{ topic: PRODUCT_EVENTS_TOPIC }]);
    } catch (error) {
      throw new ConsumerNotStarted((error as Error).message); // kafkajs: run() not called yet, or restarting
    }
    this.wantPaused = paused;
    this.logger.log(`${paused ? 'paused' : 'resumed'} consumption of ${PRODUCT_EVENTS_TOPIC}`);
  }

  private consumer(): ControlledConsumer {
    const consumer = this.microservice?.unwrap<[unknown, ControlledConsumer | null, unknown]>()[1];
    if (!consumer) throw new ConsumerNotStarted('the Kafka microservice has not connected');
    if (this.hooked !== consumer) {
      this.hooked = consumer;
      consumer.on(consumer.events.GROUP_JOIN, () => {
        if (this.wantPaused) consumer.pause([{ topic: PRODUCT_EVENTS_TOPIC }]);
      });
    }
    return consumer;
  }
}
