import { trace } from '@opentelemetry/api';

/**
 * The active span's ids, added to every log line (pino's `mixin`): the HTTP request's span, or the span
 * a Kafka record's `traceparent` header continued. Field names as in OpenTelemetry's log data model.
 */
export function traceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}
