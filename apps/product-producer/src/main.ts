import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import type { Env } from './config/env.schema.js';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  const port = app.get(ConfigService<Env, true>).get('PRODUCT_PRODUCER_PORT', { infer: true });
  await app.listen(port);
  Logger.log(`product-producer relaying the outbox; health on ${await app.getUrl()}/health`, 'Bootstrap');
}

void bootstrap();
