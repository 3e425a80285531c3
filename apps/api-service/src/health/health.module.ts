import { Module } from '@nestjs/common';
import { KafkaConsumerHealth } from '@nestjs-kafka-sync/kafka-kit';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [KafkaConsumerHealth],
  exports: [KafkaConsumerHealth],
})
export class HealthModule {}
