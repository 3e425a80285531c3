import { PageQuery } from '@nestjs-kafka-sync/http-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ListProductsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Case-insensitive substring of the name.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Exact SKU.', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  sku?: string;
}
