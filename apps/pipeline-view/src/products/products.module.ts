import { Module } from '@nestjs/common';
import { DatabasesModule } from '../databases/databases.module.js';
import { ProductRows } from './product-rows.js';
import { ProductsController } from './products.controller.js';
import { ProductsService } from './products.service.js';

@Module({
  imports: [DatabasesModule],
  controllers: [ProductsController],
  providers: [ProductRows, ProductsService],
  exports: [ProductsService],
})
export class ProductsModule {}
