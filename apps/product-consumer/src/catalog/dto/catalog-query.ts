import { PageQuery } from '@nestjs-kafka-sync/http-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class CatalogQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Exact SKU.', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  sku?: string;
}
