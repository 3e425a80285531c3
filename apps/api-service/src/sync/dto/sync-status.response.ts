import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { GroupLag, PartitionLag } from '@nestjs-kafka-sync/kafka-kit';
import type { ReportedStall } from '../partition-stalls.js';
import type { SyncStatusReport } from '../sync-status.service.js';

export class OutboxFigures {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Outbox rows product-producer has not published yet (parked ones left out).',
  })
  unpublished!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Age of the oldest of them; null when there is none.' })
  oldestUnpublishedAgeSeconds!: number | null;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Rows the relay parked: too large for product.events, never published until a person acts (README).',
  })
  parked!: number;
}

export class PartitionLagResponse implements PartitionLag {
  @ApiProperty({ type: 'integer', minimum: 0 }) partition!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '42',
    description: "The group's committed offset (a decimal string, as Kafka's are 64-bit); null when it has none.",
  })
  committed!: string | null;

  @ApiProperty({ example: '45', description: "The partition's end offset." }) end!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) lag!: number;
}

export class GroupLagResponse implements GroupLag {
  @ApiProperty({ example: 'product.events' }) topic!: string;
  @ApiProperty({ example: 'product-catalog' }) groupId!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Records the group has not committed, all partitions.' })
  total!: number;
  @ApiProperty({ type: [PartitionLagResponse] }) partitions!: PartitionLagResponse[];
}

export class KafkaUnreachable {
  @ApiProperty({ example: 'Kafka is unreachable' }) error!: string;
}

export class StalledPartitionResponse implements ReportedStall {
  @ApiProperty({ type: 'integer', minimum: 0 }) partition!: number;
  @ApiProperty({ example: 'product.events/2@41..45', description: 'The records product-consumer holds there.' })
  records!: string;
  @ApiProperty({
    example: 'dead-lettering',
    description: 'The step failing: applying, dead-lettering, acknowledging, committing.',
  })
  step!: string;
  @ApiProperty({ example: 'TOPIC_AUTHORIZATION_FAILED: Not authorized to access topics' }) reason!: string;
  @ApiProperty({ description: 'false: refused for good, retrying alone will not end it; an operator must act.' })
  retriable!: boolean;
  @ApiProperty({ format: 'date-time', description: 'The first failure.' }) since!: string;
}

/** GET /sync/status: how far the replica is behind. */
export class SyncStatusResponse implements SyncStatusReport {
  @ApiProperty({ type: OutboxFigures }) outbox!: OutboxFigures;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Products whose current version the replica has not acknowledged.',
  })
  pendingProducts!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Seconds since the oldest of those changed.' })
  oldestPendingChangeAgeSeconds!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the last ack was recorded.' })
  lastAckAt!: string | null;

  @ApiProperty({
    description:
      "Lag of product-consumer's group on product.events and of api-service's on product.sync-acks; an error while Kafka is unreachable.",
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(GroupLagResponse) } },
      { $ref: getSchemaPath(KafkaUnreachable) },
    ],
  })
  lag!: GroupLagResponse[] | KafkaUnreachable;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'Records on the dead-letter topic; null when Kafka is unreachable or the topic does not exist yet.',
  })
  deadLetters!: number | null;

  @ApiProperty({
    type: [StalledPartitionResponse],
    nullable: true,
    description:
      'Partitions of product.events product-consumer cannot move past now, with why (it retries; nothing is skipped); null when Kafka is unreachable.',
  })
  stalledPartitions!: StalledPartitionResponse[] | null;
}
