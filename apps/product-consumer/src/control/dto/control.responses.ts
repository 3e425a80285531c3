import { ApiProperty } from '@nestjs/swagger';
import type { ConsumerState } from '../consumer-control.js';

export class ConsumerStateResponse implements ConsumerState {
  @ApiProperty({ enum: ['running', 'paused'] }) state!: 'running' | 'paused';
  @ApiProperty({ example: 'product.events' }) topic!: string;
  @ApiProperty({ type: 'integer', isArray: true, description: 'The partitions kafkajs holds paused right now.' })
  pausedPartitions!: number[];
}

export class ReplayedDeadLettersResponse {
  @ApiProperty({ type: [String], example: ['0@3'], description: 'Dead letters sent back to product.events.' })
  replayed!: string[];

  @ApiProperty({
    type: [String],
    example: [],
    description:
      'Dead letters without a key, which cannot go back (product.events is compacted and refuses them): left where they are.',
  })
  keyless!: string[];
}
