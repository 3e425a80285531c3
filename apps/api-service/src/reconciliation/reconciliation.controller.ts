import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReconciliationResponse } from './dto/reconciliation.response.js';
import { ReconciliationService, type ReconciliationReport } from './reconciliation.service.js';

@ApiTags('reconciliation')
@Controller('reconciliation')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get()
  @ApiOperation({ summary: 'Compare api_service with product_catalog, product by product.' })
  @ApiOkResponse({
    type: ReconciliationResponse,
    description: 'Counts and first ids of products missing from, extra in, and differing in the replica.',
  })
  report(): Promise<ReconciliationReport> {
    return this.reconciliation.reconcile();
  }

  @Post('repair')
  @HttpCode(200)
  @ApiOperation({ summary: 'Compare, then publish a fresh event through the outbox for every drifted product.' })
  @ApiOkResponse({ type: ReconciliationResponse, description: 'The comparison before the repair, and `repaired`.' })
  repair(): Promise<ReconciliationReport> {
    return this.reconciliation.reconcile({ repair: true });
  }
}
