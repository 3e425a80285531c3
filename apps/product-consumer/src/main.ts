import 'reflect-metadata';
import { Logger, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import type { Env } from './config/env.schema.js';
import { kafkaConsumerOptions } from './kafka-options.js';
import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const config = app.get(ConfigService<Env, true>);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  SwaggerModule.setup(
    'docs',
    app,
    SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('product-consumer').setDescription('Read-only view of the product_catalog replica.').build()),
  );
  app.connectMicroservice(
    kafkaConsumerOptions({
      KAFKA_BROKERS: config.get('KAFKA_BROKERS', { infer: true }),
      KAFKA_CLIENT_ID: config.get('KAFKA_CLIENT_ID', { infer: true }),
      KAFKA_GROUP_ID: config.get('KAFKA_GROUP_ID', { infer: true }),
    }),
  );
  await app.startAllMicroservices();
  await app.listen(config.get('PRODUCT_CONSUMER_PORT', { infer: true }));
  Logger.log(`product-consumer applying ${PRODUCT_EVENTS_TOPIC}; catalog on ${await app.getUrl()}/catalog/products`, 'Bootstrap');
}

void bootstrap();
