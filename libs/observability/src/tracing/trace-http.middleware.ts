import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { routeLabel, type RoutedRequest } from '../route-label.js';

/**
 * One server span per HTTP request, continuing the caller's `traceparent` when it sends a valid one (else a
 * new trace). Everything the request does runs with that span active: the outbox row stores it, and every
 * log line of the request carries its trace id. A plain Node middleware (Express's, or Fastify's through
 * @fastify/middie), applied before all others.
 */
export function traceHttpRequests(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const span = trace
    .getTracer('nestjs-kafka-sync')
    .startSpan(request.method ?? 'HTTP', { kind: SpanKind.SERVER }, parent);
  response.once('finish', () => {
    // The route is set while routing (by Express, or http-kit's labelRequests on Fastify): known only now.
    span.updateName(`${request.method} ${routeLabel(request as unknown as RoutedRequest)}`);
    span.setAttribute('http.response.status_code', response.statusCode);
    span.end();
  });
  context.with(trace.setSpan(parent, span), next);
}
