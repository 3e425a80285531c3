import { Controller, Get, Inject, Module, type DynamicModule, type InjectionToken, type Type } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, PrismaHealthIndicator, TerminusModule } from '@nestjs/terminus';
import { KafkaConsumerHealth } from './kafka-consumer-health.js';

type PrismaClientLike = Parameters<PrismaHealthIndicator['pingCheck']>[1];

export interface ConsumerAppHealthOptions {
  /** The app's Prisma client (its provider token, e.g. its PrismaService class). */
  database: InjectionToken;
  /** How /health names the app's Kafka consumer, e.g. `product-events-consumer`. */
  consumerName: string;
}

/** GET /health of an app that keeps a database and consumes Kafka: both must be up. */
function consumerAppHealthController({ database, consumerName }: ConsumerAppHealthOptions): Type {
  @ApiTags('health')
  @Controller('health')
  class HealthController {
    constructor(
      private readonly health: HealthCheckService,
      private readonly prismaIndicator: PrismaHealthIndicator,
      @Inject(database) private readonly prisma: PrismaClientLike,
      private readonly consumer: KafkaConsumerHealth,
    ) {}

    @Get()
    @ApiOperation({ summary: 'Up when the database answers a ping within 2 s and the Kafka consumer is connected.' })
    @HealthCheck()
    check() {
      return this.health.check([
        () => this.prismaIndicator.pingCheck('database', this.prisma).withTimeout(2000),
        () => this.consumer.check(consumerName),
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
