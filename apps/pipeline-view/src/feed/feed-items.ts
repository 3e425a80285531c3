import {
  decodeProductEventMessage,
  decodeSyncAck,
  DeadLetterHeaders,
  readDeadLetter,
  type DeadLetter,
} from '@nestjs-kafka-sync/contracts';
import type { KafkaMessage } from 'kafkajs';

/** A record of product.events as the feed shows it; `problem` when the consumer will dead-letter it. */
export interface EventItem {
  kind: 'event';
  partition: number;
  offset: string;
  key: string | null;
  type?: string;
  productId?: string;
  version?: number;
  sku?: string;
  /** Set when it came back from the dead-letter topic (a replay): where from. */
  replayedFrom?: string;
  problem?: { errorClass: string; reason: string };
}

export interface AckItem {
  kind: 'ack';
  productId: string | null;
  version: number | null;
  status: string;
  reason: string | null;
}

export interface DeadLetterItem {
  kind: 'dead-letter';
  /** `partition@offset` on the dead-letter topic: what a replay names. */
  id: string;
  errorClass: string;
  reason: string;
  original: DeadLetter['original'];
  failedAt: string;
  /** product.events is compacted: a record without a key cannot go back. */
  replayable: boolean;
  value: string | null;
}

export type FeedItem = EventItem | AckItem | DeadLetterItem;

const text = (value: Buffer | string | null | undefined) => (value == null ? null : value.toString());

export function eventItem(partition: number, message: KafkaMessage): EventItem {
  const base = { kind: 'event' as const, partition, offset: message.offset, key: text(message.key) };
  const replayedFrom = text(headerValue(message, DeadLetterHeaders.replayedFrom)) ?? undefined;
  const decoded = decodeProductEventMessage(message.value);
  if (!decoded.ok)
    return { ...base, replayedFrom, problem: { errorClass: decoded.errorClass, reason: decoded.reason } };
  const { type, productId, version, product } = decoded.value;
  return { ...base, type, productId, version, sku: product.sku, replayedFrom };
}

export function ackItem(message: KafkaMessage): AckItem {
  const decoded = decodeSyncAck(message.value);
  if (!decoded.ok)
    return { kind: 'ack', productId: text(message.key), version: null, status: 'unreadable', reason: decoded.reason };
  const { productId, version, status, reason } = decoded.value;
  return { kind: 'ack', productId, version, status, reason };
}

export function deadLetterItem(partition: number, message: KafkaMessage): DeadLetterItem {
  const letter = readDeadLetter({ partition, ...message });
  return {
    kind: 'dead-letter',
    id: `${partition}@${message.offset}`,
    errorClass: letter.errorClass,
    reason: letter.reason,
    original: letter.original,
    failedAt: letter.failedAt,
    replayable: letter.key !== null,
    value: text(letter.value)?.slice(0, 500) ?? null,
  };
}

function headerValue(message: KafkaMessage, name: string) {
  const value = message.headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}
