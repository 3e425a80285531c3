import { Module } from '@nestjs/common';
import { SyncAcksController } from './sync-acks.controller.js';
import { SyncStateService } from './sync-state.service.js';
import { SyncStatusController } from './sync-status.controller.js';
import { SyncStatusService } from './sync-status.service.js';
import { SyncWaiters } from './sync-waiters.js';

@Module({
  controllers: [SyncAcksController, SyncStatusController],
  providers: [SyncStateService, SyncStatusService, SyncWaiters],
  exports: [SyncStateService, SyncWaiters],
})
export class SyncModule {}
