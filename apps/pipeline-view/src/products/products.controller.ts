import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProductsQuery } from './dto/products-query.js';
import { ProductsService, type ProductPairPage } from './products.service.js';

@ApiTags('view')
@Controller('api/products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  /** One page of the source and the replica side by side (the page asks for it; it is never pushed). */
  @Get()
  @ApiOkResponse({ description: 'A page of product pairs, newest change first.' })
  page(@Query() query: ProductsQuery): Promise<ProductPairPage> {
    return this.products.page(query);
  }
}
