import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { enableLoggedShutdown } from '@nestjs-kafka-sync/observability';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { serverConfig } from './config/server.config.js';

async function bootstrap() {
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  app.useLogger(app.get(PinoLogger)); // JSON lines (libs/observability LoggingModule)
  enableLoggedShutdown(app);
  const { port } = app.get<ConfigType<typeof serverConfig>>(serverConfig.KEY);
  await app.listen(port);
  Logger.log(`product-producer relaying the outbox; health on ${await app.getUrl()}/health`, 'Bootstrap');
}

void bootstrap();
