// `npm run reconcile [-- --repair]`: compares api_service with product_catalog and prints the drift;
// with --repair, publishes a `product.resynced` for every drifted product. Exits 1 while drift remains unrepaired, 2 when
// another reconciliation is running (one at a time, across every api-service and this command).
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfigModule } from '../config/app-config.module.js';
import { PrismaModule } from '../prisma/prisma.module.js';
import { ReconciliationModule } from '../reconciliation/reconciliation.module.js';
import { ReconciliationInProgress } from '../reconciliation/reconciliation.errors.js';
import { ReconciliationService } from '../reconciliation/reconciliation.service.js';
import { DRIFT_KINDS } from '../reconciliation/drift.js';

@Module({
  imports: [AppConfigModule, PrismaModule, ReconciliationModule],
})
class ReconcileCommandModule {}

const repair = process.argv.includes('--repair');
const app = await NestFactory.createApplicationContext(ReconcileCommandModule, { logger: ['error', 'warn'] });
try {
  const report = await app.get(ReconciliationService).reconcile({ repair });
  console.log(`source products:  ${report.sourceProducts}`);
  console.log(`replica products: ${report.replicaProducts}`);
  for (const kind of DRIFT_KINDS) {
    const { count, firstIds } = report[kind];
    console.log(
      `${kind.padEnd(10)} ${String(count).padStart(7)}${firstIds.length ? `  first: ${firstIds.join(', ')}` : ''}`,
    );
  }
  if (repair)
    console.log(
      `repaired   ${String(report.repaired).padStart(7)}  (repair events queued in the outbox; run again once they are applied)`,
    );
  else if (!report.inSync) console.log('drift found: run with --repair to heal it through the outbox');
  process.exitCode = report.inSync || repair ? 0 : 1;
} catch (error) {
  if (!(error instanceof ReconciliationInProgress)) throw error;
  console.error(error.message);
  process.exitCode = 2;
} finally {
  await app.close();
}
