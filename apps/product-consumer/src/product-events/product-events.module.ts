import { Module } from '@nestjs/common';
import { CatalogBatchService } from './catalog-batch.service.js';
import { CatalogReplicaService } from './catalog-replica.service.js';
import { DeadLetterPublisher } from './dead-letter.publisher.js';
import { ProductEventBatchService } from './product-event-batch.service.js';
import { ProductEventsController } from './product-events.controller.js';
import { SyncAckPublisher } from './sync-ack.publisher.js';
import { TransientRetry } from './transient-retry.js';

@Module({
  controllers: [ProductEventsController],
  providers: [
    CatalogReplicaService,
    CatalogBatchService,
    ProductEventBatchService,
    SyncAckPublisher,
    DeadLetterPublisher,
    TransientRetry,
  ],
})
export class ProductEventsModule {}
