import { Body, Controller, Get, Module, Post, Query, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsOptional, IsString } from 'class-validator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_SECURITY, httpSecurityFromEnv } from '../auth/http-security.settings.js';
import { configureHttpApp } from '../configure-http-app.js';
import { fastifyAdapter } from '../fastify/fastify-adapter.js';
import { PageQuery } from '../page-query.js';
import { IsMoney } from './money.js';

class Thing {
  @IsString() name!: string;
  @IsOptional() @IsMoney() price?: number;
}

class Filter extends PageQuery {
  @IsOptional() @IsString() name?: string;
}

@Controller('things')
class ThingsController {
  @Post() create(@Body() thing: Thing) {
    return thing;
  }

  @Get() list(@Query() filter: Filter) {
    return { page: filter.page, name: filter.name ?? null };
  }
}

/** The edge's settings as an app gets them by default (configureHttpApp reads them). */
const security = httpSecurityFromEnv();

@Module({ controllers: [ThingsController], providers: [{ provide: HTTP_SECURITY, useValue: security }] })
class ThingsModule {}

/** The app on either platform: api-service runs on Fastify, the other apps on Express. */
const create = (platform: 'express' | 'fastify') =>
  platform === 'fastify'
    ? NestFactory.create(ThingsModule, fastifyAdapter({}), { logger: false })
    : NestFactory.create(ThingsModule, { logger: false });

/** configureHttpApp's pipeline as the apps run it: each hostile class is a 4xx in the project's shape. */
describe.each(['express', 'fastify'] as const)('hostile input through configureHttpApp on %s', (platform) => {
  let app: INestApplication;
  const post = (body: string, type = 'application/json') =>
    request(app.getHttpServer()).post('/things').set('content-type', type).send(body);

  beforeAll(async () => {
    app = configureHttpApp(await create(platform), { title: 't', description: 't' });
    await app.init();
    if (platform === 'fastify') await (app as NestFastifyApplication).getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('a body over the limit is 413 naming the limit', async () => {
    const res = await post(JSON.stringify({ name: 'x'.repeat(70_000) })).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', errors: [{ field: 'body' }] });
  });

  it('deep JSON is 400, in the body and inside an unknown field', async () => {
    for (const body of [
      `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      `{"name":"a","x":${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}}`,
    ]) {
      const res = await post(body).expect(400);
      expect(res.body.errors).toEqual([{ field: 'body', reason: 'must not nest objects or arrays more than 16 deep' }]);
    }
  });

  it('numbers at the edges of JSON are 400 naming the field', async () => {
    expect((await post('{"name":"a","price":1e400}').expect(400)).body.errors).toEqual([
      { field: 'price', reason: 'is out of range (not a finite number)' },
    ]);
    expect((await post('{"name":"a","price":1e-7}').expect(400)).body.errors).toEqual([
      { field: 'price', reason: 'price must be a number with at most 2 decimal places' },
    ]);
    await post('{"name":"a","price":1e-400}').expect(201); // exactly 0 once parsed: a valid price
  });

  it('NUL and lone surrogates are 400 in the body and in the query', async () => {
    expect((await post('{"name":"a\\u0000"}').expect(400)).body.errors).toEqual([
      { field: 'name', reason: 'must not contain NUL characters' },
    ]);
    expect((await post('{"name":"a\\ud800"}').expect(400)).body.errors[0].field).toBe('name');
    const res = await request(app.getHttpServer()).get('/things?name=%00').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, errors: [{ field: 'name' }] });
  });

  it('a page far beyond any page is 400; malformed JSON stays 400', async () => {
    const res = await request(app.getHttpServer()).get('/things?page=1e15').expect(400);
    expect(res.body.errors).toEqual([{ field: 'page', reason: 'page must not be greater than 10000000' }]);
    expect((await post('{"name":').expect(400)).body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it("an empty body, another type or another charset is a 4xx in the project's shape", async () => {
    const answers = [
      await post(''),
      await post('{"name":"a"}', 'text/plain'),
      await post('{"name":"a"}', 'multipart/form-data'),
      await post('{"name":"a"}', 'application/json; charset=nope'),
    ];
    for (const { status, body } of answers) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
    }
  });
});
