import { Writable } from 'node:stream';
import { context, trace } from '@opentelemetry/api';
import { pino, type LoggerOptions } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTracing } from '../tracing/tracing.js';
import { pinoParams } from './pino-params.js';

/** A logger built from the app's settings, writing into an array instead of stdout. */
function capture(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(JSON.parse(chunk.toString())), done()) });
  const { pinoHttp } = pinoParams({ app: 'api-service', level: 'info', format: 'json' }) as {
    pinoHttp: [LoggerOptions, unknown];
  };
  return { logger: pino(pinoHttp[0], sink), lines }; // the options the apps run with, another stream
}

describe('pinoParams', () => {
  beforeAll(() => startTracing({ app: 'api-service', exportOtlp: false })); // the context manager the apps run with

  it('writes JSON lines that name the app and carry the active span’s trace id', () => {
    const { logger, lines } = capture();
    const span = trace.wrapSpanContext({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: 1,
    });
    context.with(trace.setSpan(context.active(), span), () => logger.info('applied'));
    logger.info('outside any span');
    expect(lines[0]).toMatchObject({
      app: 'api-service',
      msg: 'applied',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
    expect(lines[1]).not.toHaveProperty('trace_id');
  });

  it("logs a request's id, method, URL and status, never its headers (API keys) or body", () => {
    const { logger, lines } = capture();
    const request = { id: 'r-1', method: 'POST', url: '/products', headers: { 'x-api-key': 'secret-key' }, body: {} };
    logger.info({ req: request, res: { statusCode: 201, headers: { 'set-cookie': 'c' } } }, 'request completed');
    expect(lines[0]).toMatchObject({ req: { id: 'r-1', method: 'POST', url: '/products' }, res: { statusCode: 201 } });
    expect(JSON.stringify(lines[0])).not.toMatch(/secret-key|set-cookie|headers/);
  });
});
