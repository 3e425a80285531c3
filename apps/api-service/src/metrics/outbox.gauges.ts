import { makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import type { Gauge } from 'prom-client';
import { PrismaService } from '../prisma/prisma.service.js';

/**
 * The outbox's backlog, read from api_service on every scrape. Exported by api-service, which owns
 * the table, rather than by the relay: an outbox that grows because every relay is down must still show.
 */
export const outboxGauges = [
  makeGaugeProvider({
    name: 'outbox_unpublished_events',
    help: 'Outbox rows committed but not yet acknowledged by Kafka, parked ones left out (read on scrape)',
    inject: [PrismaService],
    async collect(this: Gauge, prisma: PrismaService) {
      const [{ count }] = await prisma.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM outbox_events WHERE published_at IS NULL AND parked_at IS NULL`;
      this.set(count);
    },
  }),
  makeGaugeProvider({
    name: 'outbox_oldest_unpublished_age_seconds',
    help: 'Age of the oldest unpublished outbox row, 0 when there is none (read on scrape)',
    inject: [PrismaService],
    async collect(this: Gauge, prisma: PrismaService) {
      const [{ age }] = await prisma.$queryRaw<{ age: number | null }[]>`
        SELECT extract(epoch FROM now() - min(created_at))::float8 AS age FROM outbox_events
        WHERE published_at IS NULL AND parked_at IS NULL`;
      this.set(Math.max(0, age ?? 0));
    },
  }),
  makeGaugeProvider({
    name: 'outbox_parked_events',
    help: 'Outbox rows the relay parked: too large for product.events, never published until a person acts (read on scrape)',
    inject: [PrismaService],
    async collect(this: Gauge, prisma: PrismaService) {
      const [{ count }] = await prisma.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM outbox_events WHERE parked_at IS NOT NULL`;
      this.set(count);
    },
  }),
];
