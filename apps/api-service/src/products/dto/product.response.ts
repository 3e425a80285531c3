import type { ProductState } from '@nestjs-kafka-sync/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { ProductSync } from '../../sync/sync-state.js';

/** The product as the API returns it: the state the event contract carries, and how far the replica has it. */
export class ProductResponse implements ProductState {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'MUG-001' }) sku!: string;
  @ApiProperty({ example: 'Enamel mug' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ example: '12.50', description: 'Decimal string with 2 places.' }) price!: string;
  @ApiProperty({ type: 'integer', example: 10 }) stock!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: '1 on create, +1 on every change. Send it back in If-Match.',
  })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: ProductSync, description: 'Whether product-consumer has applied this version yet.' })
  sync!: ProductSync;
}

export class ProductPageResponse {
  @ApiProperty({ type: [ProductResponse] }) items!: ProductResponse[];
  @ApiProperty({ type: 'integer', minimum: 1 }) page!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Products matching the filters, on every page.' })
  total!: number;
}

/** DELETE with wait-for-sync, when the replica has not dropped the product: 202 (pending) or 200 (failed). */
export class DeletedProductResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: 'The version the deletion made (a tombstone event carries it).' })
  version!: number;
  @ApiProperty({ type: ProductSync }) sync!: ProductSync;
}
