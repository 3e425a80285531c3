import { Module } from '@nestjs/common';
import { ConsumerAppHealthModule } from '@nestjs-kafka-sync/kafka-kit';
import { CatalogModule } from './catalog/catalog.module.js';
import { AppConfigModule, AppKafkaModule, AppSecurityModule } from './config/app-config.module.js';
import { PrismaModule } from './prisma/prisma.module.js';
import { PrismaService } from './prisma/prisma.service.js';
import { ProductEventsModule } from './product-events/product-events.module.js';

@Module({
  imports: [
    AppConfigModule,
    AppKafkaModule,
    AppSecurityModule,
    PrismaModule,
    ProductEventsModule,
    CatalogModule,
    ConsumerAppHealthModule.register({ database: PrismaService, consumerName: 'product-events-consumer' }),
  ],
})
export class AppModule {}
