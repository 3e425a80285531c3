import {
  DEAD_LETTER_TOPIC,
  DeadLetterHeaders,
  PRODUCT_EVENTS_TOPIC,
  readDeadLetter,
  type DeadLetter,
} from '@nestjs-kafka-sync/contracts';
import { Injectable } from '@nestjs/common';
import { KafkaClients, readTopicUpTo } from '@nestjs-kafka-sync/kafka-kit';
import { logLevel, type Kafka } from 'kafkajs';

/** Which dead letters a command is about (all given conditions hold): ids as `list` prints them (`partition@offset`), an error class, a record key. */
export interface DeadLetterSelection {
  ids?: string[];
  errorClass?: string;
  key?: string;
}

export interface DeadLetterCounts {
  total: number;
  byErrorClass: Record<string, number>;
}

export interface ReplayReport {
  replayed: DeadLetter[];
  /** Dead letters that cannot go back: product.events is compacted and refuses records without a key. */
  keyless: DeadLetter[];
  /** Dead letters stored cut to fit: only their first bytes are here; the full record is at `original`. */
  truncated: DeadLetter[];
}

/** Records per produce request when replaying. */
const REPLAY_BATCH = 200;

export const deadLetterId = (letter: Pick<DeadLetter, 'partition' | 'offset'>) =>
  `${letter.partition}@${letter.offset}`;

/**
 * Operates `product.events.dlq`: reads what is there (never consuming it away: dead letters stay
 * until retention removes them), and puts chosen ones back on `product.events` after a fix. A
 * replayed record is handled like any other: applied if now valid, `stale` if the replica already
 * has that version or newer, or dead-lettered again with its new reason.
 */
@Injectable()
export class DeadLetterTool {
  private readonly kafka: Kafka;
  private readonly clientId: string;

  constructor(private readonly clients: KafkaClients) {
    this.kafka = clients.client('dlq-tool', { logLevel: logLevel.WARN });
    this.clientId = clients.settings.clientId;
  }

  async list(selection: DeadLetterSelection = {}): Promise<DeadLetter[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    const groupId = `${this.clientId}-dlq-reader-${process.pid}-${Date.now()}`;
    const letters: DeadLetter[] = [];
    try {
      const ends = await admin.fetchTopicOffsets(DEAD_LETTER_TOPIC);
      await readTopicUpTo(this.kafka, { topic: DEAD_LETTER_TOPIC, groupId, ends }, async (partition, message) => {
        letters.push(
          readDeadLetter({
            partition,
            offset: message.offset,
            key: message.key,
            value: message.value,
            headers: message.headers,
          }),
        );
      });
      await admin.deleteGroups([groupId]).catch(() => undefined); // it committed nothing; leave no trace
    } finally {
      await admin.disconnect();
    }
    return letters
      .filter((letter) => matches(letter, selection))
      .sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  }

  async counts(): Promise<DeadLetterCounts> {
    const letters = await this.list();
    const byErrorClass: Record<string, number> = {};
    for (const letter of letters) byErrorClass[letter.errorClass] = (byErrorClass[letter.errorClass] ?? 0) + 1;
    return { total: letters.length, byErrorClass };
  }

  async replay(selection: DeadLetterSelection): Promise<ReplayReport> {
    const letters = await this.list(selection);
    // A cut value replayed would only fail again, as unparseable, and lose the pointer to the full record.
    const replayable = letters.filter((letter) => letter.key !== null && !letter.truncated);
    if (replayable.length > 0) {
      const producer = this.clients.resilientProducer(this.kafka);
      try {
        // In order, a bounded batch at a time: weeks of dead letters would not fit one request.
        for (let start = 0; start < replayable.length; start += REPLAY_BATCH) {
          await producer.send({
            topic: PRODUCT_EVENTS_TOPIC,
            acks: -1,
            messages: replayable.slice(start, start + REPLAY_BATCH).map((letter) => ({
              key: letter.key,
              value: letter.value,
              headers: {
                ...letter.headers,
                [DeadLetterHeaders.replayedFrom]: `${DEAD_LETTER_TOPIC}/${deadLetterId(letter)}`,
              },
            })),
          });
        }
      } finally {
        await producer.disconnect();
      }
    }
    return {
      replayed: replayable,
      keyless: letters.filter((letter) => letter.key === null),
      truncated: letters.filter((letter) => letter.key !== null && letter.truncated),
    };
  }
}

function matches(letter: DeadLetter, { ids, errorClass, key }: DeadLetterSelection): boolean {
  if (errorClass && letter.errorClass !== errorClass) return false;
  if (key && letter.original.key !== key) return false;
  if (ids && !ids.some((id) => id === deadLetterId(letter) || (letter.partition === 0 && id === letter.offset)))
    return false;
  return true;
}
