import { Module } from '@nestjs/common';
import { CatalogModule } from './catalog/catalog.module.js';
import { AppConfigModule, AppKafkaModule } from './config/app-config.module.js';
import { HealthModule } from './health/health.module.js';
import { PrismaModule } from './prisma/prisma.module.js';
import { ProductEventsModule } from './product-events/product-events.module.js';

@Module({
  imports: [AppConfigModule, AppKafkaModule, PrismaModule, ProductEventsModule, CatalogModule, HealthModule],
})
export class AppModule {}
