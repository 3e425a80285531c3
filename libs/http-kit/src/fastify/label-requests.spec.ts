import { AsyncLocalStorage } from 'node:async_hooks';
import { once } from 'node:events';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout } from 'node:timers/promises';
import { Body, Controller, Module, Post, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { routeLabel, type RoutedRequest } from '@nestjs-kafka-sync/observability';
import { IsString } from 'class-validator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_SECURITY, httpSecurityFromEnv } from '../auth/http-security.settings.js';
import { configureHttpApp } from '../configure-http-app.js';
import { fastifyAdapter } from './fastify-adapter.js';

/** Stands for what nestjs-pino and the trace middleware keep per request: a store opened by a middleware. */
const store = new AsyncLocalStorage<string>();
const routesSeen: string[] = [];

class Note {
  @IsString() text!: string;
}

@Controller('notes')
class NotesController {
  @Post(':id') write(@Body() note: Note) {
    return { text: note.text, store: store.getStore() ?? null };
  }
}

@Module({ controllers: [NotesController], providers: [{ provide: HTTP_SECURITY, useValue: httpSecurityFromEnv() }] })
class NotesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((req: IncomingMessage, res: { once(e: 'finish', f: () => void): void }, next: () => void) => {
        res.once('finish', () => routesSeen.push(routeLabel(req as RoutedRequest)));
        store.run(`opened for ${req.headers['x-request-id']}`, next);
      })
      .forRoutes('*');
  }
}

/** A POST whose headers are sent at once and whose body follows 50 ms later. */
async function postLate(path: string, json: unknown, requestId: string) {
  const { port } = app.getHttpServer().address() as AddressInfo;
  const req = http.request({
    port,
    path,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
  });
  req.flushHeaders();
  await setTimeout(50);
  req.end(JSON.stringify(json));
  const [res] = (await once(req, 'response')) as [http.IncomingMessage];
  let body = '';
  for await (const chunk of res) body += String(chunk);
  return { status: res.statusCode, headers: res.headers, body };
}

let app: NestFastifyApplication;
beforeAll(async () => {
  const created = await NestFactory.create<NestFastifyApplication>(NotesModule, fastifyAdapter({}), { logger: false });
  app = configureHttpApp(created, { title: 't', description: 't' });
  await app.listen(0, '127.0.0.1');
});
afterAll(() => app.close());

describe('labelRequests, and the async context, on Fastify', () => {
  it("keeps a middleware's async context through the body's parsing, into the handler", async () => {
    // The body comes in a later packet than the headers, as from a real client: it is read in stream events.
    const { status, headers, body } = await postLate('/notes/7', { text: 'a late body' }, 'note-1');
    expect(status).toBe(201);
    expect(JSON.parse(body)).toEqual({ text: 'a late body', store: 'opened for note-1' });
    expect(headers['x-request-id']).toBe('note-1');
  });

  it("labels the request with the route's pattern, and a request no route matched as unmatched", async () => {
    routesSeen.length = 0;
    await request(app.getHttpServer()).post('/notes/8').send({ text: 'x' }).expect(201);
    await request(app.getHttpServer()).get('/nowhere').expect(404);
    expect(routesSeen).toEqual(['/notes/:id', 'unmatched']);
  });
});
