import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Observable } from 'rxjs';

/** Consumer states (Nest's KafkaStatus) in which records are being, or about to be, consumed. */
const HEALTHY = new Set(['connected', 'rebalancing']);

/**
 * Health of the app's own Kafka consumer, from the status stream of its Nest microservice:
 * down while it is crashed, stopped or disconnected, so /health tells when consumption has stalled,
 * not merely whether a broker answers.
 */
@Injectable()
export class KafkaConsumerHealth {
  private status = 'starting';
  private since = new Date();

  constructor(private readonly indicator: HealthIndicatorService) {}

  /** Call once with the microservice's `status` (from app.connectMicroservice). */
  track(status$: Observable<string>): void {
    status$.subscribe((status) => {
      this.status = status;
      this.since = new Date();
    });
  }

  check(key: string) {
    const details = { consumer: this.status, since: this.since.toISOString() };
    const attempt = this.indicator.check(key);
    return HEALTHY.has(this.status) ? attempt.up(details) : attempt.down(details);
  }
}
