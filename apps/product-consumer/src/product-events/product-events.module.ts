import { Module } from '@nestjs/common';
import { CatalogReplica } from './catalog-replica.service.js';
import { ProductEventsController } from './product-events.controller.js';
import { SyncAckPublisher } from './sync-ack.publisher.js';

@Module({ controllers: [ProductEventsController], providers: [CatalogReplica, SyncAckPublisher] })
export class ProductEventsModule {}
