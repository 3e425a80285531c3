import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { SyncModule } from '../sync/sync.module.js';
import { ProductsController } from './products.controller.js';
import { ProductsService } from './products.service.js';
import { WaitSlotInterceptor } from './wait-slot.interceptor.js';

@Module({
  imports: [SyncModule],
  controllers: [ProductsController],
  providers: [ProductsService, { provide: APP_INTERCEPTOR, useClass: WaitSlotInterceptor }],
})
export class ProductsModule {}
