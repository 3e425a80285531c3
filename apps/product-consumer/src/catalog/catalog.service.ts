import { Injectable } from '@nestjs/common';
import type { CatalogProduct, Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { CatalogProductNotFound } from './catalog.errors.js';
import type { CatalogProductResponse, CatalogPageResponse } from './dto/catalog-product.response.js';
import type { CatalogQuery } from './dto/catalog-query.js';

/** Read-only view of the replica, so a person can see what the events produced. */
@Injectable()
export class CatalogService {
  constructor(private readonly prisma: PrismaService) {}

  async list(query: CatalogQuery): Promise<CatalogPageResponse> {
    const where: Prisma.CatalogProductWhereInput = query.sku ? { sku: query.sku } : {};
    const [total, rows] = await this.prisma.$transaction([
      this.prisma.catalogProduct.count({ where }),
      this.prisma.catalogProduct.findMany({
        where,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        skip: query.offset,
        take: query.pageSize,
      }),
    ]);
    return { items: rows.map(toResponse), page: query.page, pageSize: query.pageSize, total };
  }

  async get(id: string): Promise<CatalogProductResponse> {
    const row = await this.prisma.catalogProduct.findUnique({ where: { id } });
    if (!row) throw new CatalogProductNotFound(id);
    return toResponse(row);
  }
}

function toResponse(row: CatalogProduct): CatalogProductResponse {
  return {
    ...row,
    price: row.price.toFixed(2),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    replicatedAt: row.replicatedAt.toISOString(),
  };
}
