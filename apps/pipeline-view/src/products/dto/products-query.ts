import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@nestjs-kafka-sync/http-kit';
import { IsIn, IsOptional } from 'class-validator';

export const SHOW = ['all', 'differing'] as const;

/** `?show=differing&page=2&pageSize=20`: one page of the side-by-side table. */
export class ProductsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SHOW, default: 'all', description: 'differing: only products not in sync' })
  @IsOptional()
  @IsIn(SHOW)
  show: (typeof SHOW)[number] = 'all';
}
