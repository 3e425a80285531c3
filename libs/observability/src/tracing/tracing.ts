import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface TracingSettings {
  app: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; the exporter reads them itself. */
  exportOtlp: boolean;
}

/**
 * The process's tracer: W3C trace context propagation and AsyncLocalStorage context, so a span started for
 * an HTTP request or a Kafka record is the active one in everything that runs for it (and in its log lines).
 * Spans are exported only when an OTLP endpoint is configured: with none, ids are still made and carried.
 */
export function startTracing({ app, exportOtlp }: TracingSettings): NodeTracerProvider {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': app }),
    spanProcessors: exportOtlp ? [new BatchSpanProcessor(new OTLPTraceExporter())] : [],
  });
  provider.register();
  return provider;
}
