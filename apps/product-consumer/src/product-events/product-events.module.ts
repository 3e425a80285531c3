import { Module } from '@nestjs/common';
import { CatalogReplicaService } from './catalog-replica.service.js';
import { DeadLetterPublisher } from './dead-letter.publisher.js';
import { ProductEventsController } from './product-events.controller.js';
import { SyncAckPublisher } from './sync-ack.publisher.js';
import { TransientRetry } from './transient-retry.js';

@Module({
  controllers: [ProductEventsController],
  providers: [CatalogReplicaService, SyncAckPublisher, DeadLetterPublisher, TransientRetry],
})
export class ProductEventsModule {}
