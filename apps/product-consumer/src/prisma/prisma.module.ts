import { Global, Module } from '@nestjs/common';
import { CatalogPool } from './catalog-pool.js';
import { PrismaService } from './prisma.service.js';

@Global()
@Module({ providers: [PrismaService, CatalogPool], exports: [PrismaService, CatalogPool] })
export class PrismaModule {}
