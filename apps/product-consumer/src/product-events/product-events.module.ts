import { Module } from '@nestjs/common';
import { CatalogReplica } from './catalog-replica.service.js';
import { ProductEventsController } from './product-events.controller.js';

@Module({ controllers: [ProductEventsController], providers: [CatalogReplica] })
export class ProductEventsModule {}
