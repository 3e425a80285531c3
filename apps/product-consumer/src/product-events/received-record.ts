import type { KafkaContext } from '@nestjs/microservices';
import type { DeadLetterSource } from '@nestjs-kafka-sync/contracts';

/**
 * The record as Kafka delivered it, as near as Nest lets a handler see it: the value stays bytes
 * (keepBinary), but Nest's parser turns the key and header values into text, and text that looks
 * like JSON into objects. Those are turned back into text, so a dead letter and its replay carry
 * the key and headers the producer sent.
 */
export function receivedRecord(context: KafkaContext): DeadLetterSource {
  const message = context.getMessage();
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, value]) => [name, asText(value)]),
  );
  return {
    topic: context.getTopic(),
    partition: context.getPartition(),
    offset: message.offset,
    key: asText(message.key),
    value: message.value,
    headers: Object.fromEntries(
      Object.entries(headers).filter((entry): entry is [string, string | Buffer] => entry[1] !== null),
    ),
  };
}

function asText(value: unknown): string | Buffer | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || Buffer.isBuffer(value)) return value;
  return JSON.stringify(value);
}
