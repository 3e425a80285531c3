import { context, propagation, ROOT_CONTEXT, type Context } from '@opentelemetry/api';

/** Kafka's header values arrive as Buffers (kafkajs IHeaders); propagation wants strings. */
type Headers = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

/** The W3C `traceparent` (and `tracestate`) of a context, for an outbox row, a Kafka record or an ack. */
export function traceHeaders(from: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(from, carrier);
  return carrier;
}

/** The context a record's headers carry (the root context when they carry none or a malformed one). */
export function contextFromHeaders(headers: Headers | undefined): Context {
  const carrier: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) carrier[name.toLowerCase()] = first.toString();
  }
  return propagation.extract(ROOT_CONTEXT, carrier);
}
