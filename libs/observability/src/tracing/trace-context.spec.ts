import { context, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextFromHeaders, traceHeaders } from './trace-context.js';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('trace context in headers', () => {
  beforeAll(() => propagation.setGlobalPropagator(new W3CTraceContextPropagator()));

  it("reads a Kafka record's traceparent (a Buffer, as kafkajs gives it) and writes it back unchanged", () => {
    const parent = contextFromHeaders({ traceparent: Buffer.from(TRACEPARENT), other: Buffer.from('x') });
    expect(trace.getSpanContext(parent)).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
    });
    expect(traceHeaders(parent)).toEqual({ traceparent: TRACEPARENT });
  });

  it('gives the root context for a record without one or with a malformed one', () => {
    for (const headers of [undefined, {}, { traceparent: 'not-a-traceparent' }, { traceparent: [] }])
      expect(trace.getSpanContext(contextFromHeaders(headers))).toBeUndefined();
  });

  it('carries nothing outside any span', () => {
    expect(context.with(ROOT_CONTEXT, () => traceHeaders())).toEqual({});
  });
});
