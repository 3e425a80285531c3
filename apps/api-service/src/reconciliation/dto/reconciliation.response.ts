import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DriftSummary, ReconciliationReport } from '../reconciliation.service.js';

export class DriftSummaryResponse implements DriftSummary {
  @ApiProperty({ type: 'integer', minimum: 0 }) count!: number;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'The first ids (at most 10) in id order, to start looking.',
  })
  firstIds!: string[];
}

/** GET /reconciliation and POST /reconciliation/repair. */
export class ReconciliationResponse implements ReconciliationReport {
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) sourceProducts!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) replicaProducts!: number;
  @ApiProperty({ description: 'No product is missing, extra, differing or ahead.' }) inSync!: boolean;
  @ApiProperty({ type: DriftSummaryResponse, description: 'In api_service, not in the replica.' })
  missing!: DriftSummaryResponse;
  @ApiProperty({ type: DriftSummaryResponse, description: 'In the replica, not in api_service.' })
  extra!: DriftSummaryResponse;
  @ApiProperty({ type: DriftSummaryResponse, description: 'In both, with different state or version.' })
  differing!: DriftSummaryResponse;
  @ApiProperty({
    type: DriftSummaryResponse,
    description:
      'In both, the replica at a version api_service never had (a forged or runaway event); repair resets it.',
  })
  ahead!: DriftSummaryResponse;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'Only on repair: drifted products that got a `product.resynced` event through the outbox.',
  })
  repaired?: number;
}
