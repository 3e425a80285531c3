import { context, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';

const tracer = () => trace.getTracer('nestjs-kafka-sync');

/**
 * Runs `work` in a new span, child of `parent` (a record's or a row's trace context), ended when the work
 * settles: failures are recorded on the span and rethrown.
 */
export async function traced<T>(
  name: string,
  parent: Context,
  work: () => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  const span = tracer().startSpan(name, { kind }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}
