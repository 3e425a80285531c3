import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  NotContains,
} from 'class-validator';
import { MAX_INT4 } from '@nestjs-kafka-sync/contracts';
import { IsMoney } from '@nestjs-kafka-sync/http-kit';

/** Largest value of the NUMERIC(12,2) column. */
export const MAX_PRICE = 9_999_999_999.99;
/** PostgreSQL text cannot hold NUL. */
const NUL = '\u0000';

export class CreateProductDto {
  @ApiProperty({
    example: 'MUG-001',
    minLength: 1,
    maxLength: 64,
    pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
    description: 'Unique stock-keeping unit: letters, digits, ".", "_" or "-".',
  })
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: '$property must start with a letter or digit and contain only letters, digits, ".", "_" or "-"',
  })
  sku!: string;

  @ApiProperty({ example: 'Enamel mug', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @NotContains(NUL, { message: '$property must not contain NUL characters' })
  name!: string;

  // `string | null` reflects as Object: the type must be said, or clients see an object.
  @ApiPropertyOptional({ type: String, example: 'Holds 350 ml.', maxLength: 2000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @NotContains(NUL, { message: '$property must not contain NUL characters' })
  description?: string | null;

  @ApiProperty({ example: 12.5, minimum: 0, maximum: MAX_PRICE, description: 'At most 2 decimal places.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsMoney()
  @Min(0)
  @Max(MAX_PRICE)
  price!: number;

  @ApiProperty({ type: 'integer', example: 10, minimum: 0, maximum: MAX_INT4 })
  @IsInt()
  @Min(0)
  @Max(MAX_INT4) // the stock column is a PostgreSQL integer, as the event contract says
  stock!: number;
}
