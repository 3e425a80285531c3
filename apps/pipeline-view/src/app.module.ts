import { Module } from '@nestjs/common';
import { ActionsModule } from './actions/actions.module.js';
import { AppConfigModule, AppKafkaModule } from './config/app-config.module.js';
import { HealthController } from './health/health.controller.js';
import { ProductsModule } from './products/products.module.js';
import { StreamModule } from './stream/stream.module.js';

@Module({
  imports: [AppConfigModule, AppKafkaModule, ProductsModule, StreamModule, ActionsModule],
  controllers: [HealthController],
})
export class AppModule {}
