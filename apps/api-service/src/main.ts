import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import type { Env } from './config/env.schema.js';
import { configureApp } from './http/configure-app.js';

async function bootstrap() {
  const app = configureApp(await NestFactory.create(AppModule));
  const port = app.get(ConfigService<Env, true>).get('API_SERVICE_PORT', { infer: true });
  await app.listen(port);
  Logger.log(`api-service listening on ${await app.getUrl()} (OpenAPI at /docs)`, 'Bootstrap');
}

void bootstrap();
