import { Injectable, type NestMiddleware } from '@nestjs/common';
import { InjectMetric, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Histogram } from 'prom-client';
import { FAST_SECONDS } from './buckets.js';
import { routeLabel, type RoutedRequest } from './route-label.js';

const HTTP_DURATION = 'http_request_duration_seconds';

export const httpDurationProvider = makeHistogramProvider({
  name: HTTP_DURATION,
  help: 'HTTP requests by method, route pattern and status code, and how long they took to answer',
  labelNames: ['method', 'route', 'status_code'],
  buckets: FAST_SECONDS,
});

interface Response {
  statusCode: number;
  once(event: 'finish', listener: () => void): void;
}

/**
 * Times every HTTP request from its arrival to the last byte of its answer. A middleware rather than
 * an interceptor: it also sees what guards reject and what no route matched.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@InjectMetric(HTTP_DURATION) private readonly duration: Histogram) {}

  use(request: RoutedRequest & { method: string }, response: Response, next: () => void): void {
    const end = this.duration.startTimer();
    // The route is set while routing (Express; on Fastify, http-kit's labelRequests): known once answered.
    response.once('finish', () =>
      end({ method: request.method, route: routeLabel(request), status_code: String(response.statusCode) }),
    );
    next();
  }
}
