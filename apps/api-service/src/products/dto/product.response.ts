import type { ProductState } from '@nestjs-kafka-sync/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { ProductSync } from '../../sync/sync-state.js';

/** The product as the API returns it: the state the event contract carries, and how far the replica has it. */
export class ProductResponse implements ProductState {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sku!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ example: '12.50', description: 'Decimal string with 2 places.' }) price!: string;
  @ApiProperty() stock!: number;
  @ApiProperty({ description: '1 on create, +1 on every change. Send it back in If-Match.' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: ProductSync, description: 'Whether product-consumer has applied this version yet.' })
  sync!: ProductSync;
}

export class ProductPageResponse {
  @ApiProperty({ type: [ProductResponse] }) items!: ProductResponse[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}
