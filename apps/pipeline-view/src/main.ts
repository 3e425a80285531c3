import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttpApp } from '@nestjs-kafka-sync/http-kit';
import { fileURLToPath } from 'node:url';
import { AppModule } from './app.module.js';
import { serverConfig } from './config/server.config.js';

/** The page itself: plain HTML, CSS and one script, served as they are (no build step). */
const PAGE_DIR = fileURLToPath(new URL('../public', import.meta.url));

async function bootstrap() {
  // Open pages hold server-sent-event connections: close them on shutdown instead of waiting for the browser.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    forceCloseConnections: true,
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLogger)); // JSON lines (libs/observability LoggingModule)
  configureHttpApp(app, {
    title: 'pipeline-view',
    description: 'A live view of the pipeline for learners: its figures, its feed and its controls.',
    apiKeys: false, // no key guard of its own: it holds a key to call the other apps
  });
  app.useStaticAssets(PAGE_DIR);
  const { port, host } = app.get<ConfigType<typeof serverConfig>>(serverConfig.KEY);
  await app.listen(port, host);
  Logger.log(`pipeline-view: open http://localhost:${port}/ (listening on ${host})`, 'Bootstrap');
}

void bootstrap();
