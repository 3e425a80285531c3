import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { destination, stdTimeFunctions, type LoggerOptions } from 'pino';
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
 * The URL as the client sent it. On Fastify, @fastify/middie cuts the middleware's mount path off `url` while the
 * middleware runs (all of it, for a route of `*`), and keeps the whole in `originalUrl`, as Express does.
 */
const urlOf = (request: IncomingMessage & { originalUrl?: string }) => request.originalUrl ?? request.url ?? '';

/**
 * nestjs-pino's settings for one app: JSON lines carrying the app, the request id and the trace id;
 * a request logs method, URL, status and time only — never its headers or body, so keys, cookies and
 * product data stay out of the logs (the log scan of `npm test` checks it).
 */
export function pinoParams({ app, level, format }: LogSettings): Params {
  const options: LoggerOptions & Record<string, unknown> = {
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
      req: (request: IncomingMessage & { id: unknown; originalUrl?: string }) => ({
        id: request.id,
        method: request.method,
        url: urlOf(request),
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (request: IncomingMessage) => QUIET_PATHS.test(urlOf(request)) },
  };
  // Every route, as MetricsModule's middleware: nestjs-pino's default (`{/*splat}`) matches no request on Fastify.
  const forRoutes = [{ path: '*', method: RequestMethod.ALL }];
  if (format === 'pretty')
    return {
      forRoutes,
      pinoHttp: {
        ...options,
        transport: {
          target: 'pino-pretty',
          options: { colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,app' },
        },
      },
    };
  // Written asynchronously: a synchronous write per line cost the apps about 40 % of their CPU per product under
  // load (issue 9: `LOG_LEVEL=warn npm run bench` against `npm run bench`), and stalled them whenever the reader
  // of their stdout pipe fell behind. What is buffered is flushed on 'exit': see logged-shutdown.ts.
  return { forRoutes, pinoHttp: [options, destination({ dest: 1, sync: false })] };
}
