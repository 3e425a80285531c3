import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import type { LogFormat, LogLevel } from './telemetry-env.js';
import { requestId } from './request-id.js';
import { traceFields } from './trace-fields.js';

export interface LogSettings {
  app: string;
  level: LogLevel;
  format: LogFormat;
}

/** Probes and scrapes come every few seconds: not logged (their answers are the record). */
const QUIET_PATHS = /^\/(health|metrics)(\?|\/|$)/;

/**
 * nestjs-pino's settings for one app: JSON lines carrying the app, the request id and the trace id;
 * a request logs method, URL, status and time only — never its headers or body, so keys, cookies and
 * product data stay out of the logs (the log scan of `npm test` checks it).
 */
export function pinoParams({ app, level, format }: LogSettings): Params {
  return {
    pinoHttp: {
      level,
      base: { app, pid: process.pid },
      timestamp: stdTimeFunctions.isoTime,
      mixin: traceFields,
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const id = requestId(request);
        response.setHeader('X-Request-Id', id);
        return id;
      },
      serializers: {
        req: (request: { id: unknown; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (request) => QUIET_PATHS.test(request.url ?? '') },
      transport:
        format === 'pretty'
          ? {
              target: 'pino-pretty',
              options: { colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,app' },
            }
          : undefined,
    },
  };
}
