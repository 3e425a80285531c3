import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ProductState } from '@nestjs-kafka-sync/contracts';
import { Prisma } from '../generated/prisma/client.js';
import { invalidField } from '@nestjs-kafka-sync/http-kit';
import { isPrismaError, PRISMA } from '@nestjs-kafka-sync/service-kit';
import { PrismaService } from '../prisma/prisma.service.js';
import { syncOf } from '../sync/sync-state.js';
import { SyncStateService } from '../sync/sync-state.service.js';
import type { CreateProductDto } from './dto/create-product.dto.js';
import type { ListProductsQuery } from './dto/list-products.query.js';
import type { ProductPageResponse, ProductResponse } from './dto/product.response.js';
import type { UpdateProductDto } from './dto/update-product.dto.js';
import { ProductNotFound, SkuTaken, VersionConflict } from './product.errors.js';
import { toProductState } from './product-state.js';
import { recordChange } from './record-change.js';

type Tx = Prisma.TransactionClient;

/**
 * The only writer of products. Every write runs in one transaction with the outbox row that
 * describes it, so a change is never committed without its event, nor an event without its change.
 */
@Injectable()
export class ProductsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly syncState: SyncStateService,
  ) {}

  async list(query: ListProductsQuery): Promise<ProductPageResponse> {
    const where: Prisma.ProductWhereInput = {
      ...(query.name && { name: { contains: query.name, mode: 'insensitive' } }),
      ...(query.sku && { sku: query.sku }),
    };
    const [total, rows] = await this.prisma.$transaction([
      this.prisma.product.count({ where }),
      this.prisma.product.findMany({
        where,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        skip: query.offset,
        take: query.pageSize,
      }),
    ]);
    const states = await this.syncState.statesOf(rows.map((row) => row.id));
    const items = rows.map((row) => ({ ...toProductState(row), sync: syncOf(row.version, states.get(row.id)) }));
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  async get(id: string): Promise<ProductResponse> {
    const row = await this.prisma.product.findUnique({ where: { id } });
    if (!row) throw new ProductNotFound(id);
    return { ...toProductState(row), sync: await this.syncState.syncOf(id, row.version) };
  }

  async create(dto: CreateProductDto): Promise<ProductState> {
    const now = new Date();
    return this.write(null, undefined, async (tx) => {
      const row = await tx.product.create({
        data: {
          id: randomUUID(),
          sku: dto.sku,
          name: dto.name,
          description: dto.description ?? null,
          price: toPrice(dto.price),
          stock: dto.stock,
          version: 1,
          createdAt: now,
          updatedAt: now,
        },
      });
      return recordChange(tx, 'product.created', row);
    });
  }

  /** PATCH (a subset of fields) and PUT (all of them; description cleared when omitted). */
  async update(id: string, changes: UpdateProductDto, expectedVersion: number | undefined): Promise<ProductState> {
    return this.write(id, expectedVersion, async (tx) => {
      const row = await tx.product.update({
        where: { id, ...(expectedVersion !== undefined && { version: expectedVersion }) },
        data: { ...columns(changes), version: { increment: 1 }, updatedAt: new Date() },
      });
      return recordChange(tx, 'product.updated', row);
    });
  }

  /** Returns the product's last state, at the delete's version. */
  async remove(id: string, expectedVersion: number | undefined): Promise<ProductState> {
    return this.write(id, expectedVersion, async (tx) => {
      const row = await tx.product.delete({
        where: { id, ...(expectedVersion !== undefined && { version: expectedVersion }) },
      });
      // A delete is a change too: it gets the next version, so no older event can outrank it.
      return recordChange(tx, 'product.deleted', { ...row, version: row.version + 1, updatedAt: new Date() });
    });
  }

  /** Runs a write and turns Prisma's errors into the domain errors they mean. */
  private async write<T>(
    id: string | null,
    expectedVersion: number | undefined,
    work: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.prisma.$transaction(work);
    } catch (error) {
      if (isPrismaError(error, PRISMA.ValueTooLong)) {
        // A value within the validated length can still outgrow its column (validator.js and
        // PostgreSQL count some emoji differently): the client's input, so invalid.
        throw invalidField('body', 'a value is too long for its column');
      }
      if (isPrismaError(error, PRISMA.UniqueViolation)) throw new SkuTaken();
      if (id !== null && isPrismaError(error, PRISMA.RecordNotFound)) {
        const current = await this.prisma.product.findUnique({ where: { id }, select: { version: true } });
        if (!current) throw new ProductNotFound(id);
        throw new VersionConflict(current.version, expectedVersion);
      }
      throw error;
    }
  }
}

function columns(dto: UpdateProductDto) {
  return {
    ...(dto.sku !== undefined && { sku: dto.sku }),
    ...(dto.name !== undefined && { name: dto.name }),
    ...(dto.description !== undefined && { description: dto.description }),
    ...(dto.price !== undefined && { price: toPrice(dto.price) }),
    ...(dto.stock !== undefined && { stock: dto.stock }),
  };
}

function toPrice(price: number): Prisma.Decimal {
  return new Prisma.Decimal(price).toDecimalPlaces(2);
}
