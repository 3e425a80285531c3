import { Global, Module } from '@nestjs/common';
import { ApiPool } from './api-pool.js';
import { PrismaService } from './prisma.service.js';

@Global()
@Module({ providers: [PrismaService, ApiPool], exports: [PrismaService, ApiPool] })
export class PrismaModule {}
