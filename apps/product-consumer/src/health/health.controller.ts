import { Controller, Get } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Transport, type KafkaOptions } from '@nestjs/microservices';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, MicroserviceHealthIndicator, PrismaHealthIndicator } from '@nestjs/terminus';
import type { Env } from '../config/env.schema.js';
import { PrismaService } from '../prisma/prisma.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly prismaIndicator: PrismaHealthIndicator,
    private readonly microservice: MicroserviceHealthIndicator,
    private readonly prisma: PrismaService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    const brokers = this.config.get('KAFKA_BROKERS', { infer: true });
    return this.health.check([
      () => this.prismaIndicator.pingCheck('database', this.prisma).withTimeout(2000),
      () =>
        this.microservice
          .pingCheck<KafkaOptions>('kafka', { transport: Transport.KAFKA, options: { client: { clientId: 'product-consumer-health', brokers } } })
          .withTimeout(3000),
    ]);
  }
}
