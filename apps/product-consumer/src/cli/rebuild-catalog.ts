// `npm run rebuild-catalog`: empties product_catalog and rebuilds it from product.events alone,
// then hands over to the live consumer. Prints what it replayed and the rate.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfigModule, AppKafkaModule } from '../config/app-config.module.js';
import { PrismaModule } from '../prisma/prisma.module.js';
import { CatalogRebuildService } from '../product-events/catalog-rebuild.service.js';
import { CatalogBatchService } from '../product-events/catalog-batch.service.js';
import { CatalogReplicaService } from '../product-events/catalog-replica.service.js';
import { SyncAckPublisher } from '../product-events/sync-ack.publisher.js';

@Module({
  imports: [AppConfigModule, AppKafkaModule, PrismaModule],
  providers: [CatalogReplicaService, CatalogBatchService, SyncAckPublisher, CatalogRebuildService],
})
class RebuildCommandModule {}

const app = await NestFactory.createApplicationContext(RebuildCommandModule, { logger: ['error', 'warn'] });
try {
  const report = await app.get(CatalogRebuildService).run();
  console.log(
    `replayed ${report.events} events: ${report.applied} applied, ${report.stale} stale, ${report.rejected} rejected`,
  );
  console.log(
    report.handedOver
      ? 'live consumer group moved to the end of the replay: it resumes with the first newer event'
      : 'live consumer is running: it keeps applying newer events (the version guard keeps both sides consistent)',
  );
  console.log(`rate: ${report.eventsPerSecond} events/s (${report.seconds} s)`);
  console.log(`main thread: ${report.mainThreadBusyPercent} % busy during the replay`);
} finally {
  await app.close();
}
