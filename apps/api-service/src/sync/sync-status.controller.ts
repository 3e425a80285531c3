import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SyncStatusService, type SyncStatusReport } from './sync-status.service.js';

@ApiTags('sync')
@Controller('sync')
export class SyncStatusController {
  constructor(private readonly status: SyncStatusService) {}

  @Get('status')
  @ApiOperation({
    summary: 'How far the replica is behind: outbox backlog, pending products, consumer lag, dead letters, last ack.',
  })
  @ApiOkResponse({ description: 'A snapshot of the pipeline.' })
  report(): Promise<SyncStatusReport> {
    return this.status.report();
  }
}
