import { HealthIndicatorService } from '@nestjs/terminus';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { KafkaConsumerHealth } from './kafka-consumer-health.js';

describe('KafkaConsumerHealth', () => {
  it('follows the consumer: down until connected, down when it crashes, up again after it recovers', () => {
    const status$ = new Subject<string>();
    const health = new KafkaConsumerHealth(new HealthIndicatorService());
    health.track(status$);
    const state = () => health.check('consumer').consumer;

    expect(state()).toMatchObject({ status: 'down', consumer: 'starting' });
    status$.next('connected');
    expect(state()).toMatchObject({ status: 'up', consumer: 'connected' });
    status$.next('rebalancing');
    expect(state().status).toBe('up');
    status$.next('crashed');
    expect(state()).toMatchObject({ status: 'down', consumer: 'crashed' });
    status$.next('connected');
    expect(state().status).toBe('up');
  });
});
