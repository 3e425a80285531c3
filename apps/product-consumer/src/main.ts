import 'reflect-metadata';
import { Logger, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import type { Env } from './config/env.schema.js';
import { PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { KafkaClients, KafkaConsumerHealth } from '@nestjs-kafka-sync/kafka-kit';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const config = app.get(ConfigService<Env, true>);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  SwaggerModule.setup(
    'docs',
    app,
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('product-consumer')
        .setDescription('Read-only view of the product_catalog replica.')
        .build(),
    ),
  );
  const consumer = app.connectMicroservice(app.get(KafkaClients).consumerOptions());
  app.get(KafkaConsumerHealth).track(consumer.status);
  await app.startAllMicroservices();
  await app.listen(config.get('PRODUCT_CONSUMER_PORT', { infer: true }));
  Logger.log(
    `product-consumer applying ${PRODUCT_EVENTS_TOPIC}; catalog on ${await app.getUrl()}/catalog/products`,
    'Bootstrap',
  );
}

void bootstrap();
