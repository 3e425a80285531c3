import { Module } from '@nestjs/common';
import { TelemetryModule } from '@nestjs-kafka-sync/observability';
import { HTTP_SECURITY, httpSecurityFromEnv } from '@nestjs-kafka-sync/http-kit';
import { ActionsModule } from './actions/actions.module.js';
import { AppConfigModule, AppKafkaModule } from './config/app-config.module.js';
import { HealthController } from './health/health.controller.js';
import { ProductsModule } from './products/products.module.js';
import { StreamModule } from './stream/stream.module.js';

@Module({
  imports: [
    AppConfigModule,
    TelemetryModule.forRoot({ app: 'pipeline-view' }),
    AppKafkaModule,
    ProductsModule,
    StreamModule,
    ActionsModule,
  ],
  controllers: [HealthController],
  // The edge settings configureHttpApp applies (helmet, CORS, /docs), without the other apps' key guard:
  // the page and its controls are a local learning tool, listening on 127.0.0.1 (PIPELINE_VIEW_HOST); its
  // writes reach the other apps with its own key (PIPELINE_VIEW_API_KEY), where access is checked.
  providers: [{ provide: HTTP_SECURITY, useFactory: () => httpSecurityFromEnv(process.env) }],
})
export class AppModule {}
