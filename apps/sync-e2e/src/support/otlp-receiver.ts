import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One span as OTLP/JSON carries it (only the fields the tests read). */
export interface ReceivedSpan {
  traceId: string;
  name: string;
  service: string;
}

interface ExportRequest {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: { traceId: string; name: string }[] }[];
  }[];
}

/**
 * A stand-in for an OpenTelemetry collector: a real HTTP server taking what an app's OTLP/HTTP exporter
 * POSTs to /v1/traces (JSON, which @opentelemetry/exporter-trace-otlp-http sends), keeping every span.
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  private readonly server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') this.keep(JSON.parse(body) as ExportRequest);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
  }

  private keep(request: ExportRequest): void {
    for (const { resource, scopeSpans } of request.resourceSpans) {
      const service = resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
      for (const { spans } of scopeSpans)
        for (const { traceId, name } of spans) this.spans.push({ traceId, name, service });
    }
  }
}
