import { Injectable } from '@nestjs/common';
import { TRIP_SECONDS } from '@nestjs-kafka-sync/observability';
import { InjectMetric, makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';

const PUBLISHED = 'outbox_relay_published_events_total';
const ERRORS = 'outbox_relay_publish_errors_total';
const ACK_LATENCY = 'outbox_relay_ack_latency_seconds';
const PARKED = 'outbox_relay_parked_events_total';

export const relayMetricProviders = [
  makeCounterProvider({ name: PUBLISHED, help: 'Outbox rows sent to Kafka, acknowledged and marked published' }),
  makeCounterProvider({
    name: ERRORS,
    help: 'Relay attempts that failed (Kafka or the database unreachable) and will be retried from the same rows',
  }),
  makeCounterProvider({
    name: PARKED,
    help: 'Outbox rows parked: their record is larger than product.events accepts, so they are never published (see /health)',
  }),
  makeHistogramProvider({
    name: ACK_LATENCY,
    help: "Seconds from an outbox row's commit to its marking after Kafka acknowledged it (PostgreSQL's clock)",
    buckets: TRIP_SECONDS,
  }),
];

/** What the relay reports to Prometheus: its publish rate, its failures and how long a change waited for Kafka. */
@Injectable()
export class RelayMetrics {
  constructor(
    @InjectMetric(PUBLISHED) private readonly published: Counter,
    @InjectMetric(ERRORS) private readonly errors: Counter,
    @InjectMetric(ACK_LATENCY) private readonly ackLatency: Histogram,
    @InjectMetric(PARKED) private readonly parkedRows: Counter,
  ) {}

  marked(ackLatenciesSeconds: number[]): void {
    this.published.inc(ackLatenciesSeconds.length);
    for (const seconds of ackLatenciesSeconds) this.ackLatency.observe(seconds);
  }

  parked(count: number): void {
    this.parkedRows.inc(count);
  }

  failed(): void {
    this.errors.inc();
  }
}
