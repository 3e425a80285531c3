import type { DeadLetterSource } from '@nestjs-kafka-sync/contracts';
import type { KafkaMessage } from 'kafkajs';

/**
 * The record as Kafka delivered it: key, value and headers stay the producer's bytes (BatchServerKafka
 * hands the handler kafkajs' messages, without Nest's parser), so a dead letter and its replay carry
 * exactly what was sent.
 */
export function receivedRecord(topic: string, partition: number, message: KafkaMessage): DeadLetterSource {
  const headers = Object.entries(message.headers ?? {}).filter(([, value]) => value !== undefined);
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ?? null,
    value: message.value ?? null,
    headers: Object.fromEntries(headers),
  };
}

/** How logs name records of one partition: `topic/partition@offset`, or `topic/partition@first..last`. */
export function recordsWhere(records: readonly Pick<DeadLetterSource, 'topic' | 'partition' | 'offset'>[]): string {
  const [first] = records;
  const last = records.at(-1) ?? first;
  const range = first.offset === last.offset ? first.offset : `${first.offset}..${last.offset}`;
  return `${first.topic}/${first.partition}@${range}`;
}
