import { Module } from '@nestjs/common';
import { SyncModule } from '../sync/sync.module.js';
import { ProductsController } from './products.controller.js';
import { ProductsService } from './products.service.js';

@Module({ imports: [SyncModule], controllers: [ProductsController], providers: [ProductsService] })
export class ProductsModule {}
