import { ApiProperty } from '@nestjs/swagger';

export class CatalogProductResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ example: '12.50' }) price!: string;
  @ApiProperty() stock!: number;
  @ApiProperty({ description: 'The source version this replica row reflects.' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When this replica applied the version.' }) replicatedAt!: string;
}

export class CatalogPageResponse {
  @ApiProperty({ type: [CatalogProductResponse] }) items!: CatalogProductResponse[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
