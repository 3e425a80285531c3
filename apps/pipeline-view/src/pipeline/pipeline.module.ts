import { Module } from '@nestjs/common';
import { DatabasesModule } from '../databases/databases.module.js';
import { ProductsModule } from '../products/products.module.js';
import { UpstreamModule } from '../upstream/upstream.module.js';
import { KafkaFigures } from './kafka-figures.js';
import { OutboxBacklogReader } from './outbox-backlog.js';
import { PipelineStatusService } from './pipeline-status.service.js';

@Module({
  imports: [DatabasesModule, ProductsModule, UpstreamModule],
  providers: [KafkaFigures, OutboxBacklogReader, PipelineStatusService],
  exports: [PipelineStatusService],
})
export class PipelineModule {}
