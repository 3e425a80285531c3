import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { fastifyAdapter } from '@nestjs-kafka-sync/http-kit';
import { KafkaClients, KafkaConsumerHealth } from '@nestjs-kafka-sync/kafka-kit';
import { AppModule } from './app.module.js';
import { serverConfig } from './config/server.config.js';
import { configureApp } from './http/configure-app.js';

async function bootstrap() {
  // On Fastify: of a create's CPU, Express alone took about a third (issue 9, infra/bench/http-floor.mjs).
  const app = configureApp(await NestFactory.create(AppModule, fastifyAdapter(), { bufferLogs: true }));
  app.useLogger(app.get(PinoLogger)); // JSON lines (libs/observability LoggingModule)
  // Hybrid: the HTTP API, plus a Kafka consumer of product-consumer's acknowledgements.
  // One partition's batch of acks per call (BatchServerKafka), one partition at a time.
  const consumer = app.connectMicroservice(app.get(KafkaClients).batchConsumerOptions(1));
  app.get(KafkaConsumerHealth).track(consumer.status);
  const { port, host } = app.get<ConfigType<typeof serverConfig>>(serverConfig.KEY);
  await app.listen(port, host);
  Logger.log(`api-service listening on ${await app.getUrl()} (OpenAPI at /docs)`, 'Bootstrap');
  // Writes go to PostgreSQL and the outbox only: the API serves while Kafka is unreachable, and the
  // ack consumer joins once it is (/health reports it down until then).
  app
    .startAllMicroservices()
    .then(() => Logger.log('consuming product.sync-acks', 'Bootstrap'))
    .catch((error: Error) => Logger.error(`sync-ack consumer failed to start: ${error.message}`, 'Bootstrap'));
}

void bootstrap();
