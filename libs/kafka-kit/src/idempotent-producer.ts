import { Partitioners, type Kafka, type Producer } from 'kafkajs';

/**
 * An idempotent producer: acks from all in-sync replicas, one request in flight, so a retried
 * send can neither duplicate nor reorder a partition's records. Partitions by murmur2 like Java
 * clients, so a key maps to the same partition from any client.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}
