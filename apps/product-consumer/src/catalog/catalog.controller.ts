import { Controller, Get, Query } from '@nestjs/common';
import { UuidParam } from '@nestjs-kafka-sync/http-kit';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CatalogService } from './catalog.service.js';
import { CatalogPageResponse, CatalogProductResponse } from './dto/catalog-product.response.js';
import { CatalogQuery } from './dto/catalog-query.js';

@ApiTags('catalog')
@ApiBadRequestResponse({ description: 'A parameter is invalid: `errors` lists each one and why.' })
@Controller('catalog/products')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOkResponse({ type: CatalogPageResponse })
  list(@Query() query: CatalogQuery): Promise<CatalogPageResponse> {
    return this.catalog.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CatalogProductResponse })
  @ApiNotFoundResponse()
  get(@UuidParam('id') id: string): Promise<CatalogProductResponse> {
    return this.catalog.get(id);
  }
}
