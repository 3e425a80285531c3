import { context, SpanKind, trace, type Context } from '@opentelemetry/api';

const tracer = () => trace.getTracer('nestjs-kafka-sync');

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
