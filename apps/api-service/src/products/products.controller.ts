import { applyDecorators, Body, Controller, Delete, Get, Inject, Patch, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPreconditionFailedResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { ConfigType } from '@nestjs/config';
import type { FastifyReply } from 'fastify';
import { syncConfig } from '../config/sync.config.js';
import { invalidField, UuidParam } from '@nestjs-kafka-sync/http-kit';
import type { ProductSync } from '../sync/sync-state.js';
import { SyncStateService } from '../sync/sync-state.service.js';
import { CreateProductDto } from './dto/create-product.dto.js';
import { ListProductsQuery } from './dto/list-products.query.js';
import { DeletedProductResponse, ProductPageResponse, ProductResponse } from './dto/product.response.js';
import { ReplaceProductDto } from './dto/replace-product.dto.js';
import { UpdateProductDto } from './dto/update-product.dto.js';
import { IfMatchVersion } from './if-match.decorator.js';
import { WaitForSync } from './prefer-wait.decorator.js';
import { ProductsService, type Committed } from './products.service.js';

const ProductId = () => UuidParam('id');
const ProductIdDoc = () => ApiParam({ name: 'id', format: 'uuid', description: 'The product, as created.' });

const IfMatchHeader = () =>
  ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version you read, e.g. "3": the write fails with 412 if the product has changed since.',
  });

const ETAG = {
  ETag: { description: 'The version written, e.g. "3": send it back in If-Match.', schema: { type: 'string' } },
};

/** What every write can answer besides its own outcome: the database refused for now (WriteFailure). */
const WriteFailures = () =>
  applyDecorators(
    ApiConflictResponse({
      description:
        'The sku is taken (`errors` names it), or the write collided with concurrent writes and was not applied (`written: false`): try again.',
    }),
    ApiServiceUnavailableResponse({
      description:
        'The database is unreachable: `written` says whether the change may have committed; `Retry-After` says when to try again.',
    }),
  );

/** What PATCH and PUT answer. */
const ChangeResponses = () =>
  applyDecorators(
    ProductIdDoc(),
    IfMatchHeader(),
    ApiOkResponse({
      type: ProductResponse,
      headers: ETAG,
      description: 'Written (and, with wait-for-sync, applied or failed).',
    }),
    ApiNotFoundResponse({ description: 'No product has this id.' }),
    WriteFailures(),
    ApiPreconditionFailedResponse({
      description: 'If-Match names an older version: `currentVersion` is the current one.',
    }),
    PreferHeader(ProductResponse),
  );

const PreferHeader = (type: typeof ProductResponse | typeof DeletedProductResponse) =>
  applyDecorators(
    ApiHeader({
      name: 'Prefer',
      required: false,
      description:
        '`wait-for-sync=<ms>`: answer only once product-consumer has applied this version (sync.status in-sync), or after <ms> with 202 Accepted (pending).',
    }),
    ApiAcceptedResponse({
      type,
      description: 'Written, but the replica had not applied it when wait-for-sync ran out (sync.status pending).',
    }),
  );

@ApiTags('products')
@ApiBadRequestResponse({ description: 'A parameter, header or field is invalid: `errors` lists each one and why.' })
@Controller('products')
export class ProductsController {
  private readonly maxWaitMs: number;

  constructor(
    private readonly products: ProductsService,
    private readonly syncState: SyncStateService,
    @Inject(syncConfig.KEY) sync: ConfigType<typeof syncConfig>,
  ) {
    this.maxWaitMs = sync.waitForSyncMaxMs;
  }

  @Get()
  @ApiOperation({ summary: 'List products, a page at a time, optionally filtered by name or sku.' })
  @ApiOkResponse({ type: ProductPageResponse, description: 'One page, oldest first.' })
  list(@Query() query: ListProductsQuery): Promise<ProductPageResponse> {
    return this.products.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read one product, with how far the replica has it.' })
  @ProductIdDoc()
  @ApiOkResponse({ type: ProductResponse, headers: ETAG, description: 'The product.' })
  @ApiNotFoundResponse({ description: 'No product has this id.' })
  async get(@ProductId() id: string, @Res({ passthrough: true }) res: FastifyReply): Promise<ProductResponse> {
    const product = await this.products.get(id);
    res.header('ETag', `"${product.version}"`);
    return product;
  }

  @Post()
  @ApiOperation({ summary: 'Create a product; its event goes to Kafka through the outbox.' })
  @ApiCreatedResponse({
    type: ProductResponse,
    headers: ETAG,
    description: 'Created (and, with wait-for-sync, applied or failed).',
  })
  @WriteFailures()
  @PreferHeader(ProductResponse)
  async create(
    @Body() dto: CreateProductDto,
    @WaitForSync() waitMs: number | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await this.reply(res, 201, await this.products.create(dto), waitMs);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change some fields of a product (description null clears it).' })
  @ChangeResponses()
  async patch(
    @ProductId() id: string,
    @Body() dto: UpdateProductDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @WaitForSync() waitMs: number | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    if (Object.keys(dto).length === 0) {
      throw invalidField('body', 'must change at least one field');
    }
    await this.reply(res, 200, await this.products.update(id, dto, expectedVersion), waitMs);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace every field of a product (an omitted description is cleared).' })
  @ChangeResponses()
  async replace(
    @ProductId() id: string,
    @Body() dto: ReplaceProductDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @WaitForSync() waitMs: number | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await this.reply(
      res,
      200,
      await this.products.update(id, { ...dto, description: dto.description ?? null }, expectedVersion),
      waitMs,
    );
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a product; the replica drops it when its event is applied.' })
  @ProductIdDoc()
  @IfMatchHeader()
  @ApiNoContentResponse({ description: 'Deleted (and, with wait-for-sync, dropped by the replica too).' })
  @ApiOkResponse({
    type: DeletedProductResponse,
    description: 'Only with wait-for-sync: deleted, but the replica rejected the deletion (sync.status failed).',
  })
  @ApiNotFoundResponse({ description: 'No product has this id.' })
  @ApiPreconditionFailedResponse({
    description: 'If-Match names an older version: `currentVersion` is the current one.',
  })
  @WriteFailures()
  @PreferHeader(DeletedProductResponse)
  async remove(
    @ProductId() id: string,
    @IfMatchVersion() expectedVersion: number | undefined,
    @WaitForSync() waitMs: number | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const deleted = await this.products.remove(id, expectedVersion);
    if (waitMs === undefined) {
      res.status(204).send();
      return;
    }
    const sync = await this.waitForSync(res, deleted, waitMs);
    // 204 once the replica dropped it too; otherwise say what happened: 202 still pending, 200 failed.
    if (sync.status === 'in-sync') res.status(204).send();
    else res.status(sync.status === 'pending' ? 202 : 200).send({ id, version: deleted.product.version, sync });
  }

  /**
   * Sends a written product with its sync status. With `Prefer: wait-for-sync`, first waits
   * (bounded) for the replica's ack of this version, and answers 202 Accepted if it has not come.
   */
  private async reply(
    res: FastifyReply,
    status: 200 | 201,
    committed: Committed,
    waitMs: number | undefined,
  ): Promise<void> {
    const { product } = committed;
    res.header('ETag', `"${product.version}"`);
    // Without a wait, the answer is what the transaction committed: no read after the commit that could fail.
    const sync = waitMs === undefined ? committed.sync : await this.waitForSync(res, committed, waitMs);
    const body: ProductResponse = { ...product, sync };
    res.status(sync.status === 'pending' && waitMs !== undefined ? 202 : status).send(body);
  }

  /**
   * Waits for the replica; the write is committed already, so a failing wait answers what the commit knew.
   * A client that hangs up ends its wait at once (`close` before the answer is sent).
   */
  private async waitForSync(res: FastifyReply, { product, sync }: Committed, waitMs: number): Promise<ProductSync> {
    const wait = Math.min(waitMs, this.maxWaitMs);
    res.header('Preference-Applied', `wait-for-sync=${wait}`);
    const hangUp = new AbortController();
    res.raw.once('close', () => hangUp.abort());
    return this.syncState.waitFor(product.id, product.version, wait, hangUp.signal).catch(() => sync);
  }
}
