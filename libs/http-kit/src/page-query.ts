import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { INPUT_LIMITS } from './input/input-limits.js';

/** `?page=&pageSize=` for list endpoints; extend it with the endpoint's own filters. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: INPUT_LIMITS.maxPage })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INPUT_LIMITS.maxPage) // a page far beyond any row is a 400, not an offset the database refuses
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;

  /** Rows to skip for this page. */
  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}
