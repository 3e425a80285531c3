import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { batchConfig } from './config/batch.config.js';
import { serverConfig } from './config/server.config.js';
import { ConsumerControl } from './control/consumer-control.js';
import { StallSignal } from './health/stall-signal.js';
import { configureApp } from './http/configure-app.js';
import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { KafkaClients, KafkaConsumerHealth } from '@nestjs-kafka-sync/kafka-kit';

async function bootstrap() {
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  app.useLogger(app.get(PinoLogger)); // JSON lines (libs/observability LoggingModule)
  configureApp(app);
  const { partitionsConcurrently } = app.get<ConfigType<typeof batchConfig>>(batchConfig.KEY);
  const consumer = app.connectMicroservice(app.get(KafkaClients).batchConsumerOptions(partitionsConcurrently));
  app.get(KafkaConsumerHealth).track(consumer.status);
  app.get(ConsumerControl).attach(consumer);
  app.get(StallSignal).attach(consumer);
  await app.startAllMicroservices();
  const { port, host } = app.get<ConfigType<typeof serverConfig>>(serverConfig.KEY);
  await app.listen(port, host);
  Logger.log(
    `product-consumer applying ${PRODUCT_EVENTS_TOPIC}; catalog on ${await app.getUrl()}/catalog/products`,
    'Bootstrap',
  );
}

void bootstrap();
