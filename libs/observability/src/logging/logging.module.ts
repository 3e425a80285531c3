import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import type { LogFormat, LogLevel } from './telemetry-env.js';
import { pinoParams } from './pino-params.js';

/**
 * Structured logs for one app (pino through nestjs-pino): main.ts hands Nest's Logger to it with
 * `app.useLogger(app.get(Logger))`, so every `new Logger(...)` in the code writes JSON lines. LOG_LEVEL and
 * LOG_FORMAT come from the app's validated environment (each env schema spreads `telemetryEnv`).
 */
@Module({})
export class LoggingModule {
  static forRoot({ app }: { app: string }): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            pinoParams({
              app,
              level: config.getOrThrow<LogLevel>('LOG_LEVEL'),
              format: config.getOrThrow<LogFormat>('LOG_FORMAT'),
            }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
