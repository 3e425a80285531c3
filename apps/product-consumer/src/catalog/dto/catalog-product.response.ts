import { ApiProperty } from '@nestjs/swagger';

export class CatalogProductResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'MUG-001' }) sku!: string;
  @ApiProperty({ example: 'Enamel mug' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ example: '12.50', description: 'Decimal string with 2 places.' }) price!: string;
  @ApiProperty({ type: 'integer', example: 10 }) stock!: number;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The source version this replica row reflects.' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When this replica applied the version.' }) replicatedAt!: string;
}

export class CatalogPageResponse {
  @ApiProperty({ type: [CatalogProductResponse] }) items!: CatalogProductResponse[];
  @ApiProperty({ type: 'integer', minimum: 1 }) page!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) total!: number;
}
