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

/**
 * A span for one item of work done together with others (a record of a batch applied in one transaction):
 * child of the item's own `parent`, started when the batch started, ended now; `work` runs in it (its log
 * lines carry the item's trace id) and gets the span's context, e.g. to pass on in an ack's headers.
 */
export function spanOf<T>(name: string, parent: Context, startTime: number, work: (context: Context) => T): T {
  const span = tracer().startSpan(name, { kind: SpanKind.CONSUMER, startTime }, parent);
  const active = trace.setSpan(parent, span);
  try {
    return context.with(active, () => work(active));
  } finally {
    span.end();
  }
}
