import { FAST_SECONDS, TRIP_SECONDS } from '@nestjs-kafka-sync/observability';
import { makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';

export const RECORDS = 'sync_consumer_records_total';
export const BATCH_SIZE = 'sync_consumer_batch_size';
export const APPLY_DURATION = 'sync_consumer_apply_seconds';
export const SYNC_LATENCY = 'sync_latency_seconds';
export const TRANSIENT_RETRIES = 'sync_consumer_transient_retries_total';
export const DEAD_LETTERS = 'sync_consumer_dead_letters_total';
export const PERMANENT_FAILURES = 'sync_consumer_permanent_failures_total';
export const STALLED_STEPS = 'sync_consumer_stalled_steps';
export const TRUNCATED_DEAD_LETTERS = 'sync_consumer_dead_letters_truncated_total';

export const consumerMetricProviders = [
  makeCounterProvider({
    name: RECORDS,
    help: 'product.events records handled, by outcome: applied, stale (already held), rejected (acked so), dead-lettered',
    labelNames: ['outcome'],
  }),
  makeHistogramProvider({
    name: BATCH_SIZE,
    help: 'Records per batch product-consumer applied',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
  }),
  makeHistogramProvider({
    name: APPLY_DURATION,
    help: 'Seconds to apply one batch to product_catalog, retries included',
    buckets: FAST_SECONDS,
  }),
  makeHistogramProvider({
    name: SYNC_LATENCY,
    help: "Seconds from an event's occurredAt in api-service to its apply in product_catalog (end to end)",
    buckets: TRIP_SECONDS,
  }),
  makeCounterProvider({
    name: TRANSIENT_RETRIES,
    help: 'Retries of a step that failed for a transient reason (database or broker unreachable), by step',
    labelNames: ['step'],
  }),
  makeCounterProvider({
    name: DEAD_LETTERS,
    help: 'Records sent to product.events.dlq, by error class',
    labelNames: ['error_class'],
  }),
  makeCounterProvider({
    name: PERMANENT_FAILURES,
    help: 'Failures of a step that retrying the same request cannot cure (e.g. MESSAGE_TOO_LARGE, TOPIC_AUTHORIZATION_FAILED), by step and Kafka error type',
    labelNames: ['step', 'type'],
  }),
  makeGaugeProvider({
    name: STALLED_STEPS,
    help: 'Steps of records in hand failing right now (their partition waits): retriable=false means refused for good, an operator must act',
    labelNames: ['retriable'],
  }),
  makeCounterProvider({
    name: TRUNCATED_DEAD_LETTERS,
    help: 'Dead letters stored cut to fit the dead-letter topic (the original stays at its offset on product.events)',
  }),
];
