import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { OutboxRelayService } from '../outbox/outbox-relay.service.js';
import { OutboxStore } from '../outbox/outbox.store.js';

/**
 * Down while the relay's last attempt failed (Kafka or the database unreachable). Parked rows (too large for
 * the topic, never published) are listed but keep it up: the relay itself works, the rows need a person.
 */
@Injectable()
export class RelayHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly relay: OutboxRelayService,
    private readonly store: OutboxStore,
  ) {}

  async check(key: string) {
    const status = this.relay.status();
    const [unpublished, parked] = await Promise.all([this.store.countUnpublished(), this.store.parked()]);
    const details = {
      unpublished,
      parked: parked.count,
      newestParked: parked.newest,
      published: status.published,
      lastSuccessAt: status.lastSuccessAt?.toISOString() ?? null,
    };
    const attempt = this.indicator.check(key);
    return status.lastError ? attempt.down({ ...details, error: status.lastError }) : attempt.up(details);
  }
}
