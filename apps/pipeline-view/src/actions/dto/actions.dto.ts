import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { POISON_KINDS, type PoisonKind } from '../poison.js';

/** A product to create through api-service; what is left out is made up. api-service validates it in full. */
export class CreateProductAction {
  @ApiPropertyOptional({ example: 'MUG-001', description: 'A fresh one when left out.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  sku?: string;

  @ApiPropertyOptional({ example: 'Enamel mug' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: 12.5 })
  @IsOptional()
  @IsNumber()
  price?: number;

  @ApiPropertyOptional({ example: 10 })
  @IsOptional()
  @IsInt()
  stock?: number;
}

export const MAX_BURST = 1000;

export class BurstAction {
  @ApiProperty({ minimum: 1, maximum: MAX_BURST, example: 50, description: 'How many writes (creates, then updates).' })
  @IsInt()
  @Min(1)
  @Max(MAX_BURST)
  writes!: number;
}

export class PoisonAction {
  @ApiPropertyOptional({ enum: POISON_KINDS, default: 'not-json' })
  @IsOptional()
  @IsIn(POISON_KINDS)
  kind: PoisonKind = 'not-json';
}

export class ReplayAction {
  @ApiProperty({ example: '0@3', description: 'The dead letter, as partition@offset on product.events.dlq.' })
  @IsString()
  @Matches(/^\d+@\d+$/, { message: '$property must be partition@offset, e.g. 0@3' })
  id!: string;
}
