import { Module } from '@nestjs/common';
import { SyncAcksController } from './sync-acks.controller.js';
import { SyncStateService } from './sync-state.service.js';
import { SyncStatusController } from './sync-status.controller.js';
import { SyncStatusService } from './sync-status.service.js';

@Module({
  controllers: [SyncAcksController, SyncStatusController],
  providers: [SyncStateService, SyncStatusService],
  exports: [SyncStateService],
})
export class SyncModule {}
