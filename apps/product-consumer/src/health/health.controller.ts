import { Controller, Get } from '@nestjs/common';
import { KafkaConsumerHealth } from '@nestjs-kafka-sync/kafka-kit';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, PrismaHealthIndicator } from '@nestjs/terminus';
import { PrismaService } from '../prisma/prisma.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly prismaIndicator: PrismaHealthIndicator,
    private readonly prisma: PrismaService,
    private readonly consumer: KafkaConsumerHealth,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.prismaIndicator.pingCheck('database', this.prisma).withTimeout(2000),
      () => this.consumer.check('product-events-consumer'),
    ]);
  }
}
