import { Injectable } from '@nestjs/common';
import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { createIdempotentProducer, KafkaClients } from '@nestjs-kafka-sync/kafka-kit';
import { logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { poisonRecord, type PoisonKind } from './poison.js';

export interface PoisonSent {
  kind: PoisonKind;
  key: string;
  partition: number;
  offset: string;
}

/**
 * Writes a poison record straight to product.events, bypassing api-service and the outbox: what a
 * buggy or foreign producer would do. product-consumer cannot apply it, so it dead-letters it.
 */
@Injectable()
export class PoisonSender {
  constructor(private readonly clients: KafkaClients) {}

  async send(kind: PoisonKind): Promise<PoisonSent> {
    const record = poisonRecord(kind, randomUUID());
    const kafka = this.clients.client('poison', { connectionTimeout: 3000, logLevel: logLevel.WARN });
    const producer = createIdempotentProducer(kafka);
    await producer.connect();
    try {
      const [landed] = await producer.send({ topic: PRODUCT_EVENTS_TOPIC, acks: -1, messages: [record] });
      return { kind, key: record.key, partition: landed.partition, offset: landed.baseOffset ?? '' };
    } finally {
      await producer.disconnect();
    }
  }
}
