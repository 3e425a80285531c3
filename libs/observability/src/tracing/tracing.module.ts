import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { startTracing } from './tracing.js';

const TRACER_PROVIDER = Symbol('TRACER_PROVIDER');

/** Starts the app's tracer at boot and flushes its spans at shutdown. */
@Module({})
export class TracingModule implements OnApplicationShutdown {
  constructor(@Inject(TRACER_PROVIDER) private readonly provider: NodeTracerProvider) {}

  static forRoot({ app }: { app: string }): DynamicModule {
    return {
      module: TracingModule,
      providers: [
        {
          provide: TRACER_PROVIDER,
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            startTracing({
              app,
              exportOtlp: Boolean(
                config.get('OTEL_EXPORTER_OTLP_ENDPOINT') ?? config.get('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'),
              ),
            }),
        },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.provider.shutdown();
  }
}
