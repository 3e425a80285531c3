import { Controller, Get, Query } from '@nestjs/common';
import { UuidParam } from '@nestjs-kafka-sync/http-kit';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CatalogService } from './catalog.service.js';
import { CatalogPageResponse, CatalogProductResponse } from './dto/catalog-product.response.js';
import { CatalogQuery } from './dto/catalog-query.js';

@ApiTags('catalog')
@ApiBadRequestResponse({ description: 'A parameter is invalid: `errors` lists each one and why.' })
@Controller('catalog/products')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOperation({ summary: "List the replica's products, a page at a time, optionally by sku." })
  @ApiOkResponse({ type: CatalogPageResponse, description: 'One page, oldest first.' })
  list(@Query() query: CatalogQuery): Promise<CatalogPageResponse> {
    return this.catalog.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read one product as the replica holds it.' })
  @ApiParam({ name: 'id', format: 'uuid', description: "The product's id in api-service." })
  @ApiOkResponse({ type: CatalogProductResponse, description: 'The replica row.' })
  @ApiNotFoundResponse({
    description: 'The replica has no product with this id (never replicated, deleted, or not applied yet).',
  })
  get(@UuidParam('id') id: string): Promise<CatalogProductResponse> {
    return this.catalog.get(id);
  }
}
