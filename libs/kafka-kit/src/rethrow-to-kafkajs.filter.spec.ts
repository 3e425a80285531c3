import 'reflect-metadata';
import { Controller, Module, UseFilters } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BaseRpcContext, EventPattern, ServerKafka, type CustomTransportStrategy } from '@nestjs/microservices';
import { KafkaJSProtocolError } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RethrowToKafkajs } from './rethrow-to-kafkajs.filter.js';

const notCoordinator = new KafkaJSProtocolError({
  message: 'This is not the correct coordinator for this group',
  type: 'NOT_COORDINATOR_FOR_GROUP',
  code: 16,
} as never);

@Controller()
@UseFilters(RethrowToKafkajs)
class FilteredHandler {
  @EventPattern('with-filter')
  fail(_data: unknown): void {
    throw notCoordinator;
  }
}

@Controller()
class PlainHandler {
  @EventPattern('without-filter')
  fail(_data: unknown): void {
    throw notCoordinator;
  }
}

@Module({ controllers: [FilteredHandler, PlainHandler] })
class TestModule {}

/** Nest's Kafka transport without a broker: events go straight into its handler pipeline, as each kafkajs message does. */
class BrokerlessKafkaServer extends ServerKafka implements CustomTransportStrategy {
  override async listen(callback: () => void): Promise<void> {
    callback();
  }
  override async close(): Promise<void> {
    // no broker connection to close
  }
  deliver(pattern: string): Promise<unknown> {
    return this.handleEvent(pattern, { pattern, data: {} }, new BaseRpcContext([]) as never);
  }
}

describe('RethrowToKafkajs', () => {
  const transport = new BrokerlessKafkaServer({});
  let app: Awaited<ReturnType<typeof NestFactory.createMicroservice>>;
  beforeAll(async () => {
    app = await NestFactory.createMicroservice(TestModule, { strategy: transport, logger: false });
    await app.listen();
  });
  afterAll(() => app.close());

  it('lets kafkajs see the error a handler threw, with the type it acts on', async () => {
    await expect(transport.deliver('with-filter')).rejects.toBe(notCoordinator);
  });

  it('is needed: without it Nest hands kafkajs an anonymous "Internal server error"', async () => {
    await expect(transport.deliver('without-filter')).rejects.toEqual({
      status: 'error',
      message: 'Internal server error',
    });
  });
});
