import { Controller, Get, Inject, Module, type DynamicModule, type InjectionToken, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  PrismaHealthIndicator,
  TerminusModule,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { KafkaConsumerHealth } from './kafka-consumer-health.js';

type PrismaClientLike = Parameters<PrismaHealthIndicator['pingCheck']>[1];

export interface ConsumerAppHealthOptions {
  /** The app's Prisma client (its provider token, e.g. its PrismaService class). */
  database: InjectionToken;
  /** How /health names the app's Kafka consumer, e.g. `product-events-consumer`. */
  consumerName: string;
  /** More indicators of the app (a provider with `check(key)`, e.g. product-consumer's stalled partitions). */
  checks?: { key: string; indicator: InjectionToken; upWhen: string }[];
}

interface Indicator {
  check(key: string): HealthIndicatorResult | Promise<HealthIndicatorResult>;
}

/** GET /health of an app that keeps a database and consumes Kafka: both must be up. */
function consumerAppHealthController({ database, consumerName, checks = [] }: ConsumerAppHealthOptions): Type {
  @ApiTags('health')
  @Controller('health')
  class HealthController {
    constructor(
      private readonly health: HealthCheckService,
      private readonly prismaIndicator: PrismaHealthIndicator,
      @Inject(database) private readonly prisma: PrismaClientLike,
      private readonly consumer: KafkaConsumerHealth,
      private readonly moduleRef: ModuleRef,
    ) {}

    @Get()
    @ApiOperation({
      summary: `Up when the database answers a ping within 2 s and the Kafka consumer is connected${checks.map((c) => `, and ${c.upWhen}`).join('')}.`,
    })
    @HealthCheck()
    check() {
      return this.health.check([
        () => this.prismaIndicator.pingCheck('database', this.prisma).withTimeout(2000),
        () => this.consumer.check(consumerName),
        ...checks.map(
          ({ key, indicator }) =>
            () =>
              this.moduleRef.get<Indicator>(indicator, { strict: false }).check(key),
        ),
      ]);
    }
  }
  return HealthController;
}

/**
 * /health for api-service and product-consumer alike (Terminus): the database answers a ping within
 * 2 s and the Kafka consumer whose status main.ts hands to KafkaConsumerHealth is connected.
 */
@Module({})
export class ConsumerAppHealthModule {
  static register(options: ConsumerAppHealthOptions): DynamicModule {
    return {
      module: ConsumerAppHealthModule,
      imports: [TerminusModule],
      controllers: [consumerAppHealthController(options)],
      providers: [KafkaConsumerHealth],
      exports: [KafkaConsumerHealth],
    };
  }
}
