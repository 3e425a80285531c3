import { Global, type MiddlewareConsumer, Module, type DynamicModule, type NestModule } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { register } from 'prom-client';
import { httpDurationProvider, HttpMetricsMiddleware } from './http-metrics.middleware.js';
import { MetricsController } from './metrics.controller.js';

/**
 * Prometheus metrics of one app (prom-client through @willsoto/nestjs-prometheus): GET /metrics,
 * Node's default metrics, every series labelled `app`, and the HTTP request histogram. The app's
 * own metrics are providers made with makeCounterProvider & co. in its src/metrics folder.
 */
@Global()
@Module({})
export class MetricsModule implements NestModule {
  static forRoot({ app }: { app: string }): DynamicModule {
    return {
      module: MetricsModule,
      imports: [
        PrometheusModule.register({
          path: '/metrics',
          controller: MetricsController,
          defaultLabels: { app },
          // Registered once per process: a second app in the same process (a test) reuses them.
          defaultMetrics: { enabled: !register.getSingleMetric('process_cpu_user_seconds_total') },
        }),
      ],
      providers: [httpDurationProvider, HttpMetricsMiddleware],
      exports: [PrometheusModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
