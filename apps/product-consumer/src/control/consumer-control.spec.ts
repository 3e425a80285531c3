import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { describe, expect, it } from 'vitest';
import { ConsumerControl } from './consumer-control.js';
import { ConsumerNotStarted } from './control.errors.js';

/**
 * The port ConsumerControl drives: kafkajs' consumer as far as pausing goes. Like kafkajs, it
 * refuses pause before run() and forgets pauses when a crash makes it restart its group.
 */
class FakeKafkajsConsumer {
  readonly events = { GROUP_JOIN: 'consumer.group_join' } as never;
  running = false;
  private pausedTopics = new Set<string>();
  private readonly listeners: (() => void)[] = [];

  pause(topics: { topic: string }[]) {
    if (!this.running) throw new Error('Consumer group was not initialized, consumer#run must be called first');
    for (const { topic } of topics) this.pausedTopics.add(topic);
  }
  resume(topics: { topic: string }[]) {
    for (const { topic } of topics) this.pausedTopics.delete(topic);
  }
  paused() {
    return [...this.pausedTopics].map((topic) => ({ topic, partitions: [0, 1, 2] }));
  }
  on(_event: string, listener: () => void) {
    this.listeners.push(listener);
    return () => undefined;
  }
  /** A crash and restart: a new group, no pauses, then the join event. */
  restart() {
    this.pausedTopics = new Set();
    for (const listener of this.listeners) listener();
  }
}

function controlled(consumer: FakeKafkajsConsumer | null) {
  const control = new ConsumerControl();
  control.attach({ unwrap: <T>() => [{}, consumer, {}] as T });
  return control;
}

describe('ConsumerControl', () => {
  it('pauses and resumes product.events, and says which', () => {
    const consumer = Object.assign(new FakeKafkajsConsumer(), { running: true });
    const control = controlled(consumer);
    expect(control.pause()).toEqual({ state: 'paused', topic: PRODUCT_EVENTS_TOPIC, pausedPartitions: [0, 1, 2] });
    expect(control.resume()).toEqual({ state: 'running', topic: PRODUCT_EVENTS_TOPIC, pausedPartitions: [] });
  });

  it('pauses again after kafkajs restarted the consumer, which forgot the pause', () => {
    const consumer = Object.assign(new FakeKafkajsConsumer(), { running: true });
    const control = controlled(consumer);
    control.pause();
    consumer.restart();
    expect(consumer.paused()).toEqual([{ topic: PRODUCT_EVENTS_TOPIC, partitions: [0, 1, 2] }]);
    control.resume();
    consumer.restart();
    expect(consumer.paused()).toEqual([]);
  });

  it('answers "not started" (409) before the consumer exists or runs, and stays running', () => {
    expect(() => controlled(null).pause()).toThrow(ConsumerNotStarted);
    const idle = controlled(new FakeKafkajsConsumer());
    expect(() => idle.pause()).toThrow(ConsumerNotStarted);
    expect(idle.state().state).toBe('running');
  });
});
