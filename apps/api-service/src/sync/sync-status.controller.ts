import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GroupLagResponse, KafkaUnreachable, SyncStatusResponse } from './dto/sync-status.response.js';
import { SyncStatusService, type SyncStatusReport } from './sync-status.service.js';

@ApiTags('sync')
@ApiExtraModels(GroupLagResponse, KafkaUnreachable)
@Controller('sync')
export class SyncStatusController {
  constructor(private readonly status: SyncStatusService) {}

  @Get('status')
  @ApiOperation({
    summary: 'How far the replica is behind: outbox backlog, pending products, consumer lag, dead letters, last ack.',
  })
  @ApiOkResponse({ type: SyncStatusResponse, description: 'A snapshot of the pipeline.' })
  report(): Promise<SyncStatusReport> {
    return this.status.report();
  }
}
