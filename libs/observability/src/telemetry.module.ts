import { type DynamicModule, Module } from '@nestjs/common';
import { LoggingModule } from './logging/logging.module.js';
import { TracingModule } from './tracing/tracing.module.js';

/** An app's structured logs and its tracer, from its validated environment (`telemetryEnv`). */
@Module({})
export class TelemetryModule {
  static forRoot({ app }: { app: string }): DynamicModule {
    return {
      module: TelemetryModule,
      imports: [TracingModule.forRoot({ app }), LoggingModule.forRoot({ app })],
      exports: [LoggingModule],
    };
  }
}
