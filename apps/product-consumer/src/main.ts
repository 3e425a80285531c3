import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import type { Env } from './config/env.schema.js';
import { configureApp } from './http/configure-app.js';
import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { KafkaConsumerHealth, kafkaConsumerOptions } from '@nestjs-kafka-sync/service-kit';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const config = app.get(ConfigService<Env, true>);
  configureApp(app);
  const consumer = app.connectMicroservice(
    kafkaConsumerOptions({
      clientId: config.get('KAFKA_CLIENT_ID', { infer: true }),
      brokers: config.get('KAFKA_BROKERS', { infer: true }),
      groupId: config.get('KAFKA_GROUP_ID', { infer: true }),
      sessionTimeoutMs: config.get('KAFKA_SESSION_TIMEOUT_MS', { infer: true }),
    }),
  );
  app.get(KafkaConsumerHealth).track(consumer.status);
  await app.startAllMicroservices();
  await app.listen(config.get('PRODUCT_CONSUMER_PORT', { infer: true }));
  Logger.log(
    `product-consumer applying ${PRODUCT_EVENTS_TOPIC}; catalog on ${await app.getUrl()}/catalog/products`,
    'Bootstrap',
  );
}

void bootstrap();
