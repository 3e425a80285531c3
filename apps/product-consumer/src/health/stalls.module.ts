import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PartitionStalls } from './partition-stalls.js';
import { StallSignal } from './stall-signal.js';

/** Global: TransientRetry records into PartitionStalls, /health reads it, main.ts attaches StallSignal. */
@Global()
@Module({
  imports: [TerminusModule],
  providers: [PartitionStalls, StallSignal],
  exports: [PartitionStalls, StallSignal],
})
export class StallsModule {}
