import { Module } from '@nestjs/common';
import { CatalogReplica } from './catalog-replica.service.js';
import { DeadLetterPublisher } from './dead-letter.publisher.js';
import { ProductEventsController } from './product-events.controller.js';
import { SyncAckPublisher } from './sync-ack.publisher.js';
import { TransientRetry } from './transient-retry.js';

@Module({
  controllers: [ProductEventsController],
  providers: [CatalogReplica, SyncAckPublisher, DeadLetterPublisher, TransientRetry],
})
export class ProductEventsModule {}
