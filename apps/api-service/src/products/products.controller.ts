import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { ProductState } from '@nestjs-kafka-sync/contracts';
import type { Response } from 'express';
import { CreateProductDto } from './dto/create-product.dto.js';
import { ListProductsQuery } from './dto/list-products.query.js';
import { ProductPageResponse, ProductResponse } from './dto/product.response.js';
import { ReplaceProductDto } from './dto/replace-product.dto.js';
import { UpdateProductDto } from './dto/update-product.dto.js';
import { IfMatchVersion } from './if-match.decorator.js';
import { ProductsService } from './products.service.js';

const ProductId = () =>
  Param('id', new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'id: must be a UUID', errors: [{ field: 'id', reason: 'must be a UUID' }] }) }));

const IfMatchHeader = () =>
  ApiHeader({ name: 'If-Match', required: false, description: 'The version you read, e.g. "3": the write fails with 412 if the product has changed since.' });

@ApiTags('products')
@ApiBadRequestResponse({ description: 'A field is invalid: `errors` lists each field and why.' })
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  @ApiOkResponse({ type: ProductPageResponse })
  list(@Query() query: ListProductsQuery): Promise<ProductPageResponse> {
    return this.products.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProductResponse })
  @ApiNotFoundResponse()
  async get(@ProductId() id: string, @Res({ passthrough: true }) res: Response): Promise<ProductState> {
    return withETag(res, await this.products.get(id));
  }

  @Post()
  @ApiCreatedResponse({ type: ProductResponse })
  @ApiConflictResponse({ description: 'The sku is taken.' })
  async create(@Body() dto: CreateProductDto, @Res({ passthrough: true }) res: Response): Promise<ProductState> {
    return withETag(res, await this.products.create(dto));
  }

  @Patch(':id')
  @IfMatchHeader()
  @ApiOkResponse({ type: ProductResponse })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The sku is taken.' })
  @ApiPreconditionFailedResponse({ description: 'If-Match names an older version.' })
  async patch(
    @ProductId() id: string,
    @Body() dto: UpdateProductDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProductState> {
    if (Object.keys(dto).length === 0) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'body: must change at least one field', errors: [{ field: 'body', reason: 'must change at least one field' }] });
    }
    return withETag(res, await this.products.update(id, dto, expectedVersion));
  }

  @Put(':id')
  @IfMatchHeader()
  @ApiOkResponse({ type: ProductResponse })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The sku is taken.' })
  @ApiPreconditionFailedResponse({ description: 'If-Match names an older version.' })
  async replace(
    @ProductId() id: string,
    @Body() dto: ReplaceProductDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProductState> {
    return withETag(res, await this.products.update(id, { ...dto, description: dto.description ?? null }, expectedVersion));
  }

  @Delete(':id')
  @HttpCode(204)
  @IfMatchHeader()
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiPreconditionFailedResponse({ description: 'If-Match names an older version.' })
  remove(@ProductId() id: string, @IfMatchVersion() expectedVersion: number | undefined): Promise<void> {
    return this.products.remove(id, expectedVersion);
  }
}

function withETag(res: Response, product: ProductState): ProductState {
  res.setHeader('ETag', `"${product.version}"`);
  return product;
}
